package dev.fusebox.ft.fleet.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** The settings' defaults and bounds, and the discovered fleet ConfigSource. No ZooKeeper. */
class FleetSettingsTest {

    @Test
    void withoutAnEnsembleTheFleetIsOffAndEveryDefaultHolds() {
        FleetSettings settings = FleetSettings.read(key -> null);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.layout().root()).isEqualTo("/fusebox");
        assertThat(settings.application()).isEqualTo("application");
        assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.startupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.publishInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.ordinal()).isEqualTo(450);
        assertThat(settings.instanceId()).matches(".+:\\d+:\\d+");
    }

    @Test
    void theApplicationDefaultsToManagementsName() {
        assertThat(FleetSettings.read(Map.of("fusebox.management.application", "payments")::get).application())
                .isEqualTo("payments");
    }

    @Test
    void aValueOutOfBoundsIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> FleetSettings.read(Map.of(FleetSettings.PUBLISH, "5")::get))
                .hasMessage("fusebox.fleet.publish-millis must be between 10 and 60000, but is 5");
        assertThatThrownBy(() -> FleetSettings.read(Map.of(FleetSettings.STARTUP_WAIT, "soon")::get))
                .hasMessage("fusebox.fleet.startup-wait-millis must be a whole number, but is 'soon'");
        assertThatThrownBy(() -> FleetSettings.read(Map.of(FleetSettings.USER, "inst")::get))
                .hasMessage("fusebox.fleet.user and fusebox.fleet.password go together: give both or neither");
        assertThatThrownBy(() -> FleetSettings.read(Map.of(FleetSettings.ROOT, "fusebox/")::get))
                .hasMessageStartingWith("fusebox.fleet.root / fusebox.fleet.application: the fleet root must be");
        assertThatThrownBy(() -> FleetSettings.read(Map.of(FleetSettings.ZOOKEEPER, "127.0.0.1:2181",
                FleetSettings.ACL_OPERATORS, "nocolon")::get).access())
                .hasMessageStartingWith("fusebox.fleet.acl.*: the fleet's operators id 'nocolon' is not <scheme>:<id>");
    }

    @Test
    void theConfigSourceIsDiscoveredWithTheFleetsOrdinal() {
        ConfigSource found = null;
        for (ConfigSource source : ServiceLoader.load(ConfigSource.class)) {
            if (source instanceof FleetConfigSource) {
                found = source;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.getOrdinal()).isEqualTo(450);
        assertThat(found.getName()).isEqualTo("fusebox-fleet-overrides");
        assertThat(found.getProperties()).as("empty until the agent's first read").isEmpty();
    }
}
