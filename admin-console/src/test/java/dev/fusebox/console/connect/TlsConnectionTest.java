package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.FleetFeed;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestJmxServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile with TLS against a connector whose registry and connector speak TLS only. Fixture
 * server: the demo service runs its connector without TLS (loopback only), so the TLS path is
 * tested against a test connector with a key made here by {@code keytool}. The client
 * trusts the server through {@code javax.net.ssl.trustStore}, as the README tells operators; this
 * is the only test in the run that uses TLS, so setting it here is in time for the JVM's default
 * SSL context.
 */
class TlsConnectionTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void connectsOverTlsWhenTheProfileAsksAndFailsWithoutIt() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD)).inheritIO().start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0).as("keytool").isTrue();
        assertThat(Files.exists(store)).isTrue();
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(STORE_PASSWORD));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, STORE_PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(km.getKeyManagers(), null, null);

        Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
        FleetFeed feed = new FleetFeed();
        feed.addListener(s -> latest.put(s.jvm(), s));
        ConsoleSettings settings = new ConsoleSettings(Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        try (TestJmxServer server = TestJmxServer.startTls(serverTls); Fleet fleet = new Fleet(feed, settings)) {
            server.addBreaker("shop", "com.example.Payments", "charge");
            String tls = fleet.connect(ConnectionProfile.remote("127.0.0.1", server.port(), TestJmxServer.OPERATOR,
                    true, Permission.Role.UNKNOWN), TestJmxServer.OPERATOR_PASSWORD.toCharArray());
            String plain = fleet.connect(new ConnectionProfile("plain", "127.0.0.1", server.port(),
                    TestJmxServer.OPERATOR, false, Permission.Role.UNKNOWN, ""),
                    TestJmxServer.OPERATOR_PASSWORD.toCharArray());
            Eventually.within(Duration.ofSeconds(15), "breaker read over TLS", () -> latest.get(tls),
                    () -> latest.get(tls) != null && latest.get(tls).breakers().size() == 1);
            assertThat(latest.get(tls).connection().isConnected()).isTrue();
            Eventually.within(Duration.ofSeconds(15), "plain refused", () -> latest.get(plain),
                    () -> latest.get(plain) != null
                            && latest.get(plain).connection().phase() == ConnectionState.Phase.RECONNECTING);
        }
    }
}
