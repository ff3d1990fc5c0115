package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.FleetFeed;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestJmxServer;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.ft.jmx.remote.Credentials;
import dev.fusebox.ft.jmx.remote.RemoteAudit;
import dev.fusebox.ft.jmx.remote.RemoteConnector;
import dev.fusebox.ft.jmx.remote.RemoteSettings;
import dev.fusebox.ft.jmx.remote.Role;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles with TLS, against connectors whose registry and connector speak TLS only, with keys
 * made here by {@code keytool}: the test connector of the fixtures, and Fusebox's own
 * {@link RemoteConnector} where its TLS options matter (a certificate for another host; mutual
 * TLS). The console trusts the servers through {@code javax.net.ssl.trustStore} and presents its
 * own certificate through {@code javax.net.ssl.keyStore}, as the README tells operators; this is
 * the only test class in the run that uses TLS, and it sets both and installs
 * {@link HostCheckingTls} (as the console's launcher does) before anything touches TLS.
 */
class TlsConnectionTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path stores;
    static Path serverKeys;
    static Path elsewhereKeys;
    static Path consoleKeys;
    static Path trustsConsole;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeStoresAndTrustThem() throws Exception {
        serverKeys = stores.resolve("server.p12");
        elsewhereKeys = stores.resolve("elsewhere.p12");
        consoleKeys = stores.resolve("console.p12");
        Path consoleTrust = stores.resolve("console-trust.p12");
        trustsConsole = stores.resolve("server-trust.p12");
        pair(serverKeys, "server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
        pair(elsewhereKeys, "elsewhere", "CN=elsewhere.invalid", "SAN=dns:elsewhere.invalid");
        pair(consoleKeys, "console", "CN=fusebox console", null);
        trust(serverKeys, "server", consoleTrust);
        trust(elsewhereKeys, "elsewhere", consoleTrust);
        trust(consoleKeys, "console", trustsConsole);
        System.setProperty("javax.net.ssl.trustStore", consoleTrust.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.keyStore", consoleKeys.toString());
        System.setProperty("javax.net.ssl.keyStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        HostCheckingTls.install();
    }

    private static void pair(Path store, String alias, String name, String san) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", name, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD));
        if (san != null) {
            arguments.addAll(List.of("-ext", san));
        }
        keytool(arguments);
        assertThat(Files.exists(store)).isTrue();
    }

    private static void trust(Path keys, String alias, Path trustStore) throws Exception {
        Path certificate = stores.resolve(alias + ".cer");
        keytool(List.of("-exportcert", "-alias", alias, "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD));
    }

    private static void keytool(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        Process keytool = new ProcessBuilder(command).inheritIO().start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0).as("keytool %s", arguments)
                .isTrue();
    }

    private static SSLContext serverContext(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, PASSWORD.toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(km.getKeyManagers(), null, null);
        return serverTls;
    }

    @Test
    void connectsOverTlsWhenTheProfileAsksAndFailsWithoutIt() throws Exception {
        Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
        FleetFeed feed = new FleetFeed();
        feed.addListener(s -> latest.put(s.jvm(), s));
        ConsoleSettings settings = new ConsoleSettings(Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        try (TestJmxServer server = TestJmxServer.startTls(serverContext(serverKeys));
             Fleet fleet = new Fleet(feed, settings)) {
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

    /** Issue 11, item 10: a trusted certificate issued to another host is refused. */
    @Test
    void aServerWhoseTrustedCertificateNamesAnotherHostIsRefused() throws Exception {
        try (RemoteConnector server = fusebox(elsewhereKeys, false)) {
            ConnectionState state = connectOverTls(server);
            assertThat(state.phase()).as("%s", state).isEqualTo(ConnectionState.Phase.RECONNECTING);
            assertThat(state.reason()).contains("No subject alternative names matching IP address 127.0.0.1");
        }
    }

    /** Issue 11, item 10: mutual TLS, the console presenting its certificate from javax.net.ssl.keyStore. */
    @Test
    void aServerThatRequiresTheConsolesCertificateLetsItIn() throws Exception {
        try (RemoteConnector server = fusebox(serverKeys, true)) {
            ConnectionState state = connectOverTls(server);
            assertThat(state.phase()).as("%s", state).isEqualTo(ConnectionState.Phase.CONNECTED);
        }
    }

    private String operatorPassword;

    private RemoteConnector fusebox(Path keys, boolean clientAuth) throws Exception {
        Path users = dir.resolve("jmx-users");
        operatorPassword = Credentials.create(users, Map.of(TestJmxServer.OPERATOR, Role.OPERATOR)).get(TestJmxServer.OPERATOR);
        RemoteSettings.Tls tls = new RemoteSettings.Tls(keys, PASSWORD, "PKCS12", clientAuth,
                clientAuth ? trustsConsole : null, clientAuth ? PASSWORD : null, "PKCS12");
        return RemoteConnector.start(new RemoteSettings(true, "127.0.0.1", 0, users, tls, List.of()), List.of(),
                MBeanServerFactory.newMBeanServer(), RemoteAudit.LOG_ONLY);
    }

    /** Connects a profile with TLS and waits for the first settled state: connected, or a retry. */
    private ConnectionState connectOverTls(RemoteConnector server) throws Exception {
        Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
        FleetFeed feed = new FleetFeed();
        feed.addListener(s -> latest.put(s.jvm(), s));
        ConsoleSettings settings = new ConsoleSettings(Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        try (Fleet fleet = new Fleet(feed, settings)) {
            String jvm = fleet.connect(ConnectionProfile.remote("127.0.0.1", server.address().getPort(),
                    TestJmxServer.OPERATOR, true, Permission.Role.UNKNOWN), operatorPassword.toCharArray());
            Eventually.within(Duration.ofSeconds(15), "connected or retrying", () -> latest.get(jvm),
                    () -> latest.get(jvm) != null && (latest.get(jvm).connection().isConnected()
                            || latest.get(jvm).connection().phase() == ConnectionState.Phase.RECONNECTING));
            return latest.get(jvm).connection();
        }
    }
}
