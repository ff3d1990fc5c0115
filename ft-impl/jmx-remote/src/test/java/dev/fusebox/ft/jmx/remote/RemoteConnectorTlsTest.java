package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with a key store made by the JDK's keytool. The TLS client runs in a JVM of its own: the
 * JDK's SslRMIClientSocketFactory uses the default SSL context, which is built once per JVM from
 * the javax.net.ssl.trustStore properties, so setting them inside this JVM would depend on whether
 * anything touched SSL before.
 */
class RemoteConnectorTlsTest {

    static final Duration CLIENT_DEADLINE = Duration.ofSeconds(60);
    static final String STORE_PASSWORD = "test-store-password";

    @TempDir
    static Path stores;
    static Path keyStore;
    static Path trustStore;

    @TempDir
    Path dir;

    MBeanServer server;
    Map<String, String> passwords;
    RemoteConnector connector;

    /** A self-signed server key and a client trust store holding its certificate. */
    @BeforeAll
    static void makeStores() throws Exception {
        keyStore = stores.resolve("server.p12");
        trustStore = stores.resolve("client-trust.p12");
        Path certificate = stores.resolve("server.cer");
        keytool("-genkeypair", "-alias", "fusebox", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "fusebox", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "fusebox", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
    }

    @BeforeEach
    void start() throws Exception {
        server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new Probe(), Probe.NAME);
        Path users = dir.resolve("jmx-users");
        passwords = Credentials.create(users, Map.of("vik", Role.VIEWER), CredentialsTest.FAST);
        RemoteSettings.Tls tls = new RemoteSettings.Tls(keyStore, STORE_PASSWORD, "PKCS12");
        connector = RemoteConnectorTest.start(
                new RemoteSettings(true, "127.0.0.1", 0, users, tls, List.of(Probe.DOMAIN)), server);
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    @Test
    void aClientTrustingTheCertificateReadsAnAttribute() throws Exception {
        assertThat(connector.listeningSockets()).isNotEmpty().allSatisfy(socket -> {
            assertThat(socket).isInstanceOf(SSLServerSocket.class);
            assertThat(socket.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
        });
        ClientRun run = runClient(true);
        assertThat(run.output()).as("client output").contains("Level=7");
        assertThat(run.exitCode()).as("client exit code, output: %s", run.output()).isZero();
    }

    @Test
    void aClientNotTrustingTheCertificateFails() throws Exception {
        ClientRun run = runClient(false);
        assertThat(run.exitCode()).as("client exit code, output: %s", run.output()).isNotZero();
        assertThat(run.output()).doesNotContain("Level=").containsIgnoringCase("certification path");
    }

    @Test
    void aPlainClientFails() {
        assertTimeoutPreemptively(CLIENT_DEADLINE, () -> assertThatThrownBy(
                () -> RemoteConnectorTest.connect(connector.address(), "vik", passwords.get("vik")).close())
                .isInstanceOf(IOException.class));
    }

    @Test
    void theServerOffersOnlyModernProtocols() throws Exception {
        SSLServerSocket socket = (SSLServerSocket) connector.listeningSockets().get(0);
        assertThat(socket.getEnabledProtocols()).containsOnly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void aWrongKeyStorePasswordIsAClearError() {
        RemoteSettings.Tls wrong = new RemoteSettings.Tls(keyStore, "not-the-password", "PKCS12");
        RemoteSettings settings = new RemoteSettings(true, "127.0.0.1", 0, dir.resolve("jmx-users"), wrong);
        assertThatThrownBy(() -> RemoteConnectorTest.start(settings, server)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the TLS key store " + keyStore)
                .hasMessageContaining(RemoteSettings.TLS_KEYSTORE_PASSWORD);
    }

    record ClientRun(int exitCode, String output) {
    }

    private ClientRun runClient(boolean trusting) throws IOException, InterruptedException, URISyntaxException {
        Path source = Path.of(RemoteConnectorTlsTest.class.getResource("/remote/TlsClient.java").toURI());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (trusting) {
            command.add("-Djavax.net.ssl.trustStore=" + trustStore);
            command.add("-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD);
            command.add("-Djavax.net.ssl.trustStoreType=PKCS12");
        }
        command.addAll(List.of(source.toString(), connector.address().toString(), "vik", passwords.get("vik"),
                Probe.NAME.toString()));
        Path output = dir.resolve("client-" + trusting + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(CLIENT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("TLS client did not finish within " + CLIENT_DEADLINE + ": "
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new ClientRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(CLIENT_DEADLINE.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
