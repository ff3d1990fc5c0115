package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.AttributeChangeNotificationFilter;
import javax.management.MBeanServerConnection;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.Query;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 8: nothing the client chooses is deserialized before or beyond the login. The
 * connector runs in a JVM of its own ({@link ForkedConnector}, class-loading logged) that has
 * {@link Bait} on its class path but has never used it; the bait records there, in a marker file,
 * whether it was initialized or deserialized, and the JVM's class-loading log shows whether it was
 * loaded at all.
 */
class SerialFilterTest {

    @TempDir
    static Path dir;
    static Path marker;
    static Path serverLog;
    static Process server;
    static JMXServiceURL address;
    static Map<String, String> passwords;

    @BeforeAll
    static void fork() throws Exception {
        Path users = dir.resolve("jmx-users");
        passwords = Credentials.create(users, Map.of("vik", Role.VIEWER), CredentialsTest.FAST);
        marker = dir.resolve("bait-marker");
        serverLog = dir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + Bait.MARKER + "=" + marker, "-Xlog:class+load=info:file=" + dir.resolve("classes.log"),
                "-cp", System.getProperty("java.class.path"), ForkedConnector.class.getName(), users.toString()));
        server = new ProcessBuilder(command).redirectError(serverLog.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the forked connector's first line; its log: %s", serverLog).startsWith("listening ");
        address = new JMXServiceURL(line.substring("listening ".length()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.getOutputStream().close();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @AfterEach
    void theServerRanNoneOfTheBaitsCode() throws Exception {
        assertThat(marker).as("marker written by Bait in the server").doesNotExist();
    }

    static JMXConnector viewer() throws Exception {
        return JMXConnectorFactory.connect(address, Map.of(JMXConnector.CREDENTIALS,
                new String[] {"vik", passwords.get("vik")}));
    }

    static boolean baitLoadedByTheServer() throws Exception {
        return Files.readString(dir.resolve("classes.log")).contains(Bait.class.getName());
    }

    @Test
    void aCredentialThatIsNotAStringArrayIsRefusedBeforeItsClassIsLoaded() throws Exception {
        assertThatThrownBy(() -> JMXConnectorFactory.connect(address, Map.of(JMXConnector.CREDENTIALS, new Bait())))
                .isInstanceOfAny(SecurityException.class, java.io.IOException.class);
        assertThat(baitLoadedByTheServer()).as("the server's class-loading log names Bait").isFalse();
        try (JMXConnector client = viewer()) {
            assertThat(client.getMBeanServerConnection().getAttribute(Probe.NAME, "Level")).isEqualTo(7);
        }
    }

    @Test
    void aQueryOfAnotherClassIsRefused() throws Exception {
        try (JMXConnector client = viewer()) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThatThrownBy(() -> mbs.queryNames(null, new Bait())).isInstanceOf(java.io.IOException.class);
            assertThat(mbs.queryNames(null, Query.eq(Query.attr("Level"), Query.value(7))))
                    .as("the JDK's own queries still work").containsExactly(Probe.NAME);
        }
    }

    @Test
    void aNotificationFilterOfAnotherClassIsRefused() throws Exception {
        NotificationListener listener = (notification, handback) -> { };
        try (JMXConnector client = viewer()) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThatThrownBy(() -> mbs.addNotificationListener(Probe.NAME, listener, new Bait(), null))
                    .isInstanceOf(java.io.IOException.class);
            AttributeChangeNotificationFilter jdkFilter = new AttributeChangeNotificationFilter();
            jdkFilter.enableAttribute("Level");
            mbs.addNotificationListener(Probe.NAME, listener, jdkFilter, null);
            mbs.removeNotificationListener(Probe.NAME, listener);
        }
    }

    @Test
    void aHandbackOfAnotherClassIsRefused() throws Exception {
        try (JMXConnector client = viewer()) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            ObjectName someListener = new ObjectName("test.remote:type=Listener");
            assertThatThrownBy(() -> mbs.addNotificationListener(Probe.NAME, someListener, null, new Bait()))
                    .isInstanceOfAny(java.io.IOException.class, SecurityException.class);
        }
    }
}
