package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class RemoteSettingsTest {

    static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void defaultsAreOffAndLoopback() {
        RemoteSettings settings = RemoteSettings.from(config(Map.of()));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(RemoteSettings.DEFAULT_PORT);
        assertThat(settings.credentialsFile()).isNull();
        assertThat(settings.tls()).isNull();
    }

    @Test
    void readsEveryKey() {
        RemoteSettings settings = RemoteSettings.from(config(Map.of(
                "fusebox.jmx.remote.enabled", "TRUE",
                "fusebox.jmx.remote.host", "10.0.0.5",
                "fusebox.jmx.remote.port", "7091",
                "fusebox.jmx.remote.credentials-file", "/etc/app/jmx-users",
                "fusebox.jmx.remote.tls.enabled", "true",
                "fusebox.jmx.remote.tls.keystore", "/etc/app/jmx.p12",
                "fusebox.jmx.remote.tls.keystore-password", "s3cret")));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.host()).isEqualTo("10.0.0.5");
        assertThat(settings.port()).isEqualTo(7091);
        assertThat(settings.credentialsFile()).isEqualTo(Path.of("/etc/app/jmx-users"));
        assertThat(settings.tls()).isEqualTo(new RemoteSettings.Tls(Path.of("/etc/app/jmx.p12"), "s3cret", "PKCS12"));
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void enabledWithoutCredentialsFileFailsNamingTheKey() {
        assertThatThrownBy(() -> RemoteSettings.from(config(Map.of("fusebox.jmx.remote.enabled", "true"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fusebox.jmx.remote.credentials-file is not set");
    }

    @Test
    void invalidValuesFailNamingTheKey() {
        assertInvalid(Map.of("fusebox.jmx.remote.port", "jmx"), "fusebox.jmx.remote.port must be a port number");
        assertInvalid(Map.of("fusebox.jmx.remote.port", "70000"), "fusebox.jmx.remote.port must be from 0 to 65535");
        assertInvalid(Map.of("fusebox.jmx.remote.enabled", "yes please"), "fusebox.jmx.remote.enabled must be true or false");
        assertInvalid(Map.of("fusebox.jmx.remote.tls.enabled", "true", "fusebox.jmx.remote.tls.keystore-password", "p"),
                "fusebox.jmx.remote.tls.keystore is required");
        assertInvalid(Map.of("fusebox.jmx.remote.tls.enabled", "true", "fusebox.jmx.remote.tls.keystore", "k.p12"),
                "fusebox.jmx.remote.tls.keystore-password is required");
    }

    @Test
    void readsExposedPatternsAndRefusesFuseboxsOwnDomain() throws Exception {
        RemoteSettings settings = RemoteSettings.from(config(Map.of("fusebox.jmx.remote.expose",
                "com.example:type=Inventory,name=*, java.lang:type=Memory,,com.example:type=Cache,*")));
        assertThat(settings.expose()).containsExactly(new javax.management.ObjectName("com.example:type=Inventory,name=*"),
                new javax.management.ObjectName("java.lang:type=Memory"),
                new javax.management.ObjectName("com.example:type=Cache,*"));
        assertInvalid(Map.of("fusebox.jmx.remote.expose", "dev.fusebox.ft:*"),
                "Fusebox's own MBeans are always served and nothing else may be under dev.fusebox.ft");
        assertInvalid(Map.of("fusebox.jmx.remote.expose", "no-colon"), "which is not an ObjectName pattern");
    }

    @Test
    void readsMutualTlsAndRequiresATrustStoreForIt() {
        RemoteSettings settings = RemoteSettings.from(config(Map.of(
                "fusebox.jmx.remote.tls.enabled", "true",
                "fusebox.jmx.remote.tls.keystore", "/etc/app/jmx.p12",
                "fusebox.jmx.remote.tls.keystore-password", "s3cret",
                "fusebox.jmx.remote.tls.client-auth", "true",
                "fusebox.jmx.remote.tls.truststore", "/etc/app/clients.p12",
                "fusebox.jmx.remote.tls.truststore-password", "t0p")));
        assertThat(settings.tls()).isEqualTo(new RemoteSettings.Tls(Path.of("/etc/app/jmx.p12"), "s3cret", "PKCS12",
                true, Path.of("/etc/app/clients.p12"), "t0p", "PKCS12"));
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("t0p");
        assertInvalid(Map.of("fusebox.jmx.remote.tls.enabled", "true", "fusebox.jmx.remote.tls.keystore", "k.p12",
                "fusebox.jmx.remote.tls.keystore-password", "p", "fusebox.jmx.remote.tls.client-auth", "true"),
                "fusebox.jmx.remote.tls.truststore is required when fusebox.jmx.remote.tls.client-auth=true");
    }

    private static void assertInvalid(Map<String, String> values, String message) {
        assertThatThrownBy(() -> RemoteSettings.from(config(values))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
