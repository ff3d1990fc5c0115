package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.LocalJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path home;

    @Test
    void profilesRoundTripAndReplaceByName() throws Exception {
        ProfileStore store = new ProfileStore(home.resolve("sub/profiles.properties"));
        assertThat(store.load()).isEmpty();
        ConnectionProfile prod = new ConnectionProfile("payments-prod-1", "10.0.0.5", 9010, "alice", true,
                Permission.Role.OPERATOR, "");
        ConnectionProfile local = ConnectionProfile.atUrl("pid 42", "service:jmx:rmi://127.0.0.1/stub/rO0AB");
        store.save(prod);
        store.save(local);
        store.save(prod.withName("payments-prod-1"));
        assertThat(store.load()).containsExactly(local, prod);
        String text = Files.readString(store.file());
        assertThat(text).doesNotContainIgnoringCase("password=").doesNotContainIgnoringCase("secret");
    }

    @Test
    void aRemoteProfileConnectsThroughTheRegistry() throws Exception {
        ConnectionProfile p = ConnectionProfile.remote("db-host", 9010, "bob", false, Permission.Role.VIEWER);
        assertThat(p.url().toString()).isEqualTo("service:jmx:rmi:///jndi/rmi://db-host:9010/jmxrmi");
        assertThat(p.name()).isEqualTo("db-host:9010");
    }

    @Test
    void discoveryListsJvmsWithAFuseboxOrJdkConnectorOrALocalAgentOnly() {
        Properties none = new Properties();
        assertThat(LocalJvmDiscovery.inspect("4711", "com.example.Shop", none, none)).isNull();

        Properties fusebox = new Properties();
        fusebox.setProperty("fusebox.jmx.port", "9010");
        LocalJvm jvm = LocalJvmDiscovery.inspect("4711", "com.example.Shop", fusebox, none);
        assertThat(jvm.remoteEndpoint()).isEqualTo("127.0.0.1:9010");
        assertThat(jvm.profile().port()).isEqualTo(9010);

        Properties agent = new Properties();
        agent.setProperty("com.sun.management.jmxremote.localConnectorAddress", "service:jmx:rmi://127.0.0.1/stub/x");
        assertThat(LocalJvmDiscovery.inspect("4711", "com.example.Shop", none, agent).profile().serviceUrl())
                .isEqualTo("service:jmx:rmi://127.0.0.1/stub/x");
    }
}
