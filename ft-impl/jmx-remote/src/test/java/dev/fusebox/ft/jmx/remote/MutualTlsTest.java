package dev.fusebox.ft.jmx.remote;

import static dev.fusebox.ft.jmx.remote.RemoteConnectorTlsTest.STORE_PASSWORD;
import static dev.fusebox.ft.jmx.remote.RemoteConnectorTlsTest.keytool;
import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 10: mutual TLS, configured through MicroProfile Config like the key store, with
 * stores made by keytool: the server requires a client certificate its trust store vouches for,
 * on top of the password. Clients run in JVMs of their own ({@code TlsClient.java}) so each has
 * the default SSL context of its key and trust stores.
 */
class MutualTlsTest {

    @TempDir
    static Path stores;
    static Path serverKeys;
    static Path clientTrust;
    static Path serverTrust;
    static Path clientKeys;
    static Path strangerKeys;

    @TempDir
    Path dir;
    Map<String, String> passwords;
    RemoteConnector connector;

    /** Server key; a client key the server trusts; a stranger's key it does not. */
    @BeforeAll
    static void makeStores() throws Exception {
        serverKeys = stores.resolve("server.p12");
        clientTrust = stores.resolve("client-trust.p12");
        serverTrust = stores.resolve("server-trust.p12");
        clientKeys = stores.resolve("console.p12");
        strangerKeys = stores.resolve("stranger.p12");
        pair(serverKeys, "server", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
        trust(serverKeys, "server", clientTrust);
        pair(clientKeys, "console", "CN=fusebox console", null);
        trust(clientKeys, "console", serverTrust);
        pair(strangerKeys, "stranger", "CN=stranger", null);
    }

    private static void pair(Path store, String alias, String name, String san) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", name, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", STORE_PASSWORD));
        if (san != null) {
            arguments.addAll(List.of("-ext", san));
        }
        keytool(arguments.toArray(String[]::new));
    }

    private static void trust(Path keys, String alias, Path trustStore) throws Exception {
        Path certificate = stores.resolve(alias + ".cer");
        keytool("-exportcert", "-alias", alias, "-keystore", keys.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
    }

    @BeforeEach
    void start() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(new Probe(), Probe.NAME);
        Path users = dir.resolve("jmx-users");
        passwords = Credentials.create(users, Map.of("vik", Role.VIEWER), CredentialsTest.FAST);
        Map<String, String> keys = Map.of("fusebox.jmx.remote.enabled", "true", "fusebox.jmx.remote.port", "0",
                "fusebox.jmx.remote.credentials-file", users.toString(),
                "fusebox.jmx.remote.expose", "test.remote:*",
                "fusebox.jmx.remote.tls.enabled", "true",
                "fusebox.jmx.remote.tls.keystore", serverKeys.toString(),
                "fusebox.jmx.remote.tls.keystore-password", STORE_PASSWORD,
                "fusebox.jmx.remote.tls.client-auth", "true",
                "fusebox.jmx.remote.tls.truststore", serverTrust.toString(),
                "fusebox.jmx.remote.tls.truststore-password", STORE_PASSWORD);
        RemoteSettings settings = RemoteSettings.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(keys, "test", 500)).build());
        connector = RemoteConnectorTest.start(settings, server);
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    @Test
    void aClientWithACertificateTheServerTrustsLogsIn() throws Exception {
        RemoteConnectorTlsTest.ClientRun run = runClient(clientKeys);
        assertThat(run.output()).as("client output").contains("Level=7");
        assertThat(run.exitCode()).as("client exit code, output: %s", run.output()).isZero();
    }

    @Test
    void aClientWithoutACertificateIsRefusedEvenWithThePassword() throws Exception {
        RemoteConnectorTlsTest.ClientRun run = runClient(null);
        assertThat(run.exitCode()).as("client exit code, output: %s", run.output()).isNotZero();
        assertThat(run.output()).doesNotContain("Level=");
    }

    @Test
    void aClientWithACertificateTheServerDoesNotTrustIsRefused() throws Exception {
        RemoteConnectorTlsTest.ClientRun run = runClient(strangerKeys);
        assertThat(run.exitCode()).as("client exit code, output: %s", run.output()).isNotZero();
        assertThat(run.output()).doesNotContain("Level=");
    }

    private RemoteConnectorTlsTest.ClientRun runClient(Path keyStore) throws Exception {
        Path source = Path.of(MutualTlsTest.class.getResource("/remote/TlsClient.java").toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavax.net.ssl.trustStore=" + clientTrust, "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12"));
        if (keyStore != null) {
            command.addAll(List.of("-Djavax.net.ssl.keyStore=" + keyStore,
                    "-Djavax.net.ssl.keyStorePassword=" + STORE_PASSWORD, "-Djavax.net.ssl.keyStoreType=PKCS12"));
        }
        command.addAll(List.of(source.toString(), connector.address().toString(), "vik", passwords.get("vik"),
                Probe.NAME.toString()));
        Path output = dir.resolve("client.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(RemoteConnectorTlsTest.CLIENT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("TLS client did not finish: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new RemoteConnectorTlsTest.ClientRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
