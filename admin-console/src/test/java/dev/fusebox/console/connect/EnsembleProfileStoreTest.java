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

    @Test
    void aProfileKeepsItsPrometheusAddressAndAnOlderFileLoadsWithNone() throws Exception {
        EnsembleProfileStore store = new EnsembleProfileStore(home.resolve("fleets.properties"));
        Files.writeString(store.file(), "fleet.0.name=old\nfleet.0.address=zk1\\:2181\nfleet.0.root=/fusebox\n");
        assertThat(store.load()).singleElement().satisfies(p -> assertThat(p.prometheus()).isEmpty());
        EnsembleProfile withRates = new EnsembleProfile("rates", "zk1:2181", "/fusebox", "", "", "", "",
                " http://prometheus.example:9090/ ");
        store.save(withRates);
        assertThat(store.load()).last().satisfies(p -> assertThat(p.prometheus())
                .isEqualTo("http://prometheus.example:9090/"));
    }

    @Test
    void aPrometheusAddressIsAnHttpUrlWithoutLoginOrQueryAndOfBoundedLength() {
        assertThat(EnsembleProfile.prometheusProblem("")).isEmpty();
        assertThat(EnsembleProfile.prometheusProblem("http://127.0.0.1:9090")).isEmpty();
        assertThat(EnsembleProfile.prometheusProblem("https://metrics.example/prometheus/")).isEmpty();
        assertThat(EnsembleProfile.prometheusProblem("127.0.0.1:9090")).isEqualTo("Prometheus: '127.0.0.1:9090' is not"
                + " an http:// or https:// URL (e.g. http://127.0.0.1:9090); or leave it empty.");
        assertThat(EnsembleProfile.prometheusProblem("ftp://host:9090")).contains("is not an http:// or https:// URL");
        assertThat(EnsembleProfile.prometheusProblem("http:///api")).contains("names no host");
        assertThat(EnsembleProfile.prometheusProblem("http://bob:secret@host:9090"))
                .isEqualTo("Prometheus: no user or password in the address (the profile is saved in clear).");
        assertThat(EnsembleProfile.prometheusProblem("http://host:9090/api/v1/query?query=up"))
                .contains("no '?' query");
        assertThat(EnsembleProfile.prometheusProblem("http://host/" + "p".repeat(600)))
                .isEqualTo("Prometheus: an address of at most 512 characters (this one has 612).");
        assertThat(EnsembleProfile.prometheusProblem("http://host name:9090")).startsWith("Prometheus: not a URL: ");
    }
}
