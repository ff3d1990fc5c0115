package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.operator.EnsembleProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleProfileStoreTest {

    @TempDir
    Path home;

    @Test
    void fleetProfilesRoundTripBesideTheJmxOnesWithoutPasswords() throws Exception {
        EnsembleProfileStore store = EnsembleProfileStore.besides(new ProfileStore(home.resolve("console-profiles.properties")));
        assertThat(store.file()).isEqualTo(home.resolve("console-fleets.properties").toAbsolutePath());
        assertThat(store.load()).isEmpty();
        EnsembleProfile prod = new EnsembleProfile("prod", "zk1:2181,zk2:2181,zk3:2181", "/fusebox", "alice",
                "digest:ops:uso0QWExvI3ZJeZBDeRsnPlaA/k=", "digest:inst:abc=", "");
        EnsembleProfile demo = new EnsembleProfile("demo", "127.0.0.1:2181", "", "");
        store.save(prod);
        store.save(demo);
        store.save(prod.withName("prod"));
        assertThat(store.load()).containsExactly(demo, prod);
        assertThat(store.load().get(0).root()).isEqualTo("/fusebox");
        assertThat(Files.readString(store.file())).doesNotContainIgnoringCase("password=").doesNotContain("secret");
    }
}
