package dev.fusebox.ft.configsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.SmallRyeConfigBuilder;

class OverridesConfigSourceTest {

    private static final String RATIO = OverridesFileTest.RATIO;
    /** What {@code @CircuitBreaker} gives when no configuration names the parameter. */
    private static final double ANNOTATION_DEFAULT = 0.5;

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(RATIO);
        System.clearProperty(OverridesConfigSource.FILE_PROPERTY);
        System.clearProperty(OverridesConfigSource.ORDINAL_PROPERTY);
        System.clearProperty(OverridesConfigSource.POLL_PROPERTY);
    }

    private static double failureRatio(Config config) {
        return config.getOptionalValue(RATIO, Double.class).orElse(ANNOTATION_DEFAULT);
    }

    @Test
    void theOverrideBeatsSystemPropertiesAndTheAnnotationDefault() {
        Path path = dir.resolve("overrides.properties");
        Config config = new SmallRyeConfigBuilder()
                .addDefaultSources() // system properties (400), environment (300)
                .withSources(new OverridesConfigSource(path, OverridesConfigSource.DEFAULT_ORDINAL))
                .build();
        assertThat(failureRatio(config)).isEqualTo(ANNOTATION_DEFAULT);

        System.setProperty(RATIO, "0.4");
        assertThat(failureRatio(config)).isEqualTo(0.4);

        OverridesFile.open(path).update(Map.of(RATIO, "0.3"), List.of());
        assertThat(failureRatio(config)).isEqualTo(0.3);
        assertThat(config.getConfigValue(RATIO).getSourceName()).isEqualTo("fusebox-overrides:" + path);

        OverridesFile.open(path).update(Map.of(), List.of(RATIO));
        assertThat(failureRatio(config)).isEqualTo(0.4);
    }

    @Test
    void programmaticSourceHasItsNameAndOrdinal() {
        Path path = dir.resolve("named.properties");
        OverridesConfigSource source = new OverridesConfigSource(path, 650);
        assertThat(source.getName()).isEqualTo("fusebox-overrides:" + path.toAbsolutePath().normalize());
        assertThat(source.getOrdinal()).isEqualTo(650);
        assertThat(source.overridesFile()).isSameAs(OverridesFile.open(path));
        assertThat(source.getProperties()).isEmpty();
    }

    @Test
    void discoveredThroughTheServiceFileWithTheFileFromASystemProperty() {
        Path path = dir.resolve("discovered.properties");
        OverridesFile.open(path).update(Map.of(RATIO, "0.2"), List.of());
        System.setProperty(OverridesConfigSource.FILE_PROPERTY, path.toString());
        System.setProperty(OverridesConfigSource.ORDINAL_PROPERTY, "450");
        System.setProperty(RATIO, "0.4");

        Config config = new SmallRyeConfigBuilder().addDefaultSources().addDiscoveredSources().build();

        ConfigSource source = overridesSource(config);
        assertThat(source.getName()).isEqualTo("fusebox-overrides:" + path);
        assertThat(source.getOrdinal()).isEqualTo(450);
        assertThat(failureRatio(config)).isEqualTo(0.2);

        OverridesFile.open(path).update(Map.of(RATIO, "0.25"), List.of());
        assertThat(failureRatio(config)).isEqualTo(0.25);
    }

    @Test
    void withoutAConfiguredFileTheDiscoveredSourceIsEmptyAndSaysWhy() {
        Config config = new SmallRyeConfigBuilder().addDiscoveredSources().build();
        ConfigSource source = overridesSource(config);
        assertThat(source.getName()).contains("no file configured").contains(OverridesConfigSource.FILE_PROPERTY);
        assertThat(source.getOrdinal()).isEqualTo(OverridesConfigSource.DEFAULT_ORDINAL);
        assertThat(source.getPropertyNames()).isEmpty();
        assertThat(source.getValue(RATIO)).isNull();
    }

    @Test
    void aBadOrdinalFailsWithAMessageNamingTheProperty() {
        System.setProperty(OverridesConfigSource.ORDINAL_PROPERTY, "high");
        assertThatThrownBy(OverridesConfigSource::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property fusebox.overrides.ordinal must be an integer, but is 'high'");
        assertThatThrownBy(() -> new SmallRyeConfigBuilder().addDiscoveredSources().build())
                .isInstanceOf(ServiceConfigurationError.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property fusebox.overrides.ordinal must be an integer, but is 'high'");
    }

    @Test
    void aBadPollIntervalFailsWithAMessageNamingTheProperty() {
        System.setProperty(OverridesConfigSource.FILE_PROPERTY, dir.resolve("poll.properties").toString());
        System.setProperty(OverridesConfigSource.POLL_PROPERTY, "0");
        assertThatThrownBy(OverridesConfigSource::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property fusebox.overrides.poll-interval-millis must be at least 1, but is 0");
    }

    private static ConfigSource overridesSource(Config config) {
        return StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .filter(s -> s.getName().startsWith("fusebox-overrides:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no overrides source discovered"));
    }
}
