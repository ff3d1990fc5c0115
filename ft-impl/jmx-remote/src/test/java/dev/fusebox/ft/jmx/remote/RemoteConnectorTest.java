package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteConnectorTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    MBeanServer server;
    Probe probe;
    Path users;
    Map<String, String> passwords;
    RemoteConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = MBeanServerFactory.newMBeanServer();
        probe = new Probe();
        server.registerMBean(probe, Probe.NAME);
        users = dir.resolve("jmx-users");
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("olga", Role.OPERATOR);
        roles.put("vik", Role.VIEWER);
        passwords = Credentials.create(users, roles, CredentialsTest.FAST);
        connector = start(settings(0), server);
    }

    /** A connector serving {@code server}'s {@code test.remote} MBeans as the application's own. */
    static RemoteConnector start(RemoteSettings settings, MBeanServer server) {
        return RemoteConnector.start(settings, List.of(), server, RemoteAudit.LOG_ONLY);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    RemoteSettings settings(int port) {
        return new RemoteSettings(true, "127.0.0.1", port, users, null, List.of(Probe.DOMAIN));
    }

    JMXConnector connect(String user) throws IOException {
        return connect(connector.address(), user, passwords.get(user));
    }

    static JMXConnector connect(JMXServiceURL address, String user, String password) throws IOException {
        return JMXConnectorFactory.connect(address, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    @Test
    void addressIsTheRegistryFormOnTheConfiguredHost() {
        JMXServiceURL address = connector.address();
        int port = address.getPort();
        assertThat(port).isPositive();
        assertThat(address.toString())
                .isEqualTo("service:jmx:rmi://127.0.0.1:" + port + "/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    }

    @Test
    void refusesClientsWithoutCredentials() {
        assertThatThrownBy(() -> JMXConnectorFactory.connect(connector.address(), null))
                .isInstanceOf(SecurityException.class).hasMessageContaining("authentication failed");
    }

    @Test
    void refusesAWrongPasswordOrAnUnknownUserWithTheSameMessage() {
        assertThatThrownBy(() -> connect(connector.address(), "olga", passwords.get("vik")))
                .isInstanceOf(SecurityException.class).hasMessage("authentication failed");
        assertThatThrownBy(() -> connect(connector.address(), "mallory", passwords.get("vik")))
                .isInstanceOf(SecurityException.class).hasMessage("authentication failed");
        assertThatThrownBy(() -> connect(connector.address(), "olga", ""))
                .isInstanceOf(SecurityException.class).hasMessage("authentication failed");
    }

    /** Issue 11, item 9, over the real connector: a source that failed too often waits, right password or not. */
    @Test
    void wrongPasswordsFromOneAddressMakeItWaitEvenWithTheRightOne() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> connect(connector.address(), "olga", "guess")).isInstanceOf(SecurityException.class)
                    .hasMessage("authentication failed");
        }
        assertThatThrownBy(() -> connect("olga")).isInstanceOf(SecurityException.class)
                .hasMessageStartingWith("authentication failed: too many failed logins from 127.0.0.1; try again in");
    }

    @Test
    void aFailedLoginIsLoggedWithTheUserNameButNeverThePassword() {
        Logger logger = Logger.getLogger(PasswordAuthenticator.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            String wrong = passwords.get("olga");
            assertThatThrownBy(() -> connect(connector.address(), "vik\nFAKE ENTRY", wrong))
                    .isInstanceOf(SecurityException.class);
            assertThat(records).anySatisfy(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage()).contains("login failed for user 'vik\\u000aFAKE ENTRY'")
                        .doesNotContain(wrong).doesNotContain("\n");
            });
            assertThat(records).noneSatisfy(record -> assertThat(record.getMessage()).contains(wrong));
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void viewerReads() throws Exception {
        try (JMXConnector client = connect("vik")) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThat(mbs.getAttribute(Probe.NAME, "Level")).isEqualTo(7);
            assertThat(mbs.getAttributes(Probe.NAME, new String[] {"Level"}).asList())
                    .extracting(Attribute::getValue).containsExactly(7);
            assertThat(JMX.newMXBeanProxy(mbs, Probe.NAME, ProbeMXBean.class).getLevel()).isEqualTo(7);
            assertThat(mbs.queryNames(new ObjectName("test.remote:*"), null)).containsExactly(Probe.NAME);
            assertThat(mbs.queryMBeans(Probe.NAME, null)).hasSize(1);
            assertThat(mbs.getMBeanInfo(Probe.NAME).getOperations()).extracting("name").contains("whoAmI");
            assertThat(mbs.isRegistered(Probe.NAME)).isTrue();
            assertThat(mbs.isInstanceOf(Probe.NAME, ProbeMXBean.class.getName())).isTrue();
            assertThat(mbs.getObjectInstance(Probe.NAME).getObjectName()).isEqualTo(Probe.NAME);
            assertThat(mbs.getMBeanCount()).as("the probe only").isEqualTo(1);
            assertThat(mbs.getDomains()).containsExactly("test.remote");
            assertThat(mbs.getDefaultDomain()).isEqualTo(server.getDefaultDomain());
        }
    }

    @Test
    void viewerReceivesNotifications() throws Exception {
        try (JMXConnector client = connect("vik")) {
            BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            mbs.addNotificationListener(Probe.NAME, (notification, handback) -> received.add(notification), null,
                    null);
            probe.ping("hello");
            Notification first = received.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(first).as("notification within " + DEADLINE).isNotNull();
            assertThat(first.getType()).isEqualTo(Probe.TYPE);
            assertThat(first.getMessage()).isEqualTo("hello");
        }
    }

    @Test
    void viewerCannotWriteAndIsToldWhy() throws Exception {
        try (JMXConnector client = connect("vik")) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            String refused = "user vik has role viewer; ";
            assertThatThrownBy(() -> mbs.invoke(Probe.NAME, "whoAmI", null, null))
                    .isInstanceOf(SecurityException.class)
                    .hasMessage(refused + "invoke of whoAmI() on " + Probe.NAME + " needs role operator");
            assertThatThrownBy(() -> JMX.newMXBeanProxy(mbs, Probe.NAME, ProbeMXBean.class).whoAmI())
                    .isInstanceOf(SecurityException.class).hasMessageStartingWith(refused);
            assertThatThrownBy(() -> mbs.setAttribute(Probe.NAME, new Attribute("Level", 1)))
                    .isInstanceOf(SecurityException.class)
                    .hasMessage(refused + "setAttribute of Level on " + Probe.NAME + " needs role operator");
            AttributeList list = new AttributeList(List.of(new Attribute("Level", 2)));
            assertThatThrownBy(() -> mbs.setAttributes(Probe.NAME, list))
                    .isInstanceOf(SecurityException.class).hasMessageStartingWith(refused + "setAttributes");
            ObjectName created = new ObjectName("test.remote:type=Created");
            assertThatThrownBy(() -> mbs.createMBean("javax.management.timer.Timer", created))
                    .isInstanceOf(SecurityException.class)
                    .hasMessageStartingWith("createMBean of javax.management.timer.Timer as " + created
                            + " is refused for every remote user");
            assertThatThrownBy(() -> mbs.createMBean("javax.management.timer.Timer", created, new Object[0],
                    new String[0])).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> mbs.unregisterMBean(Probe.NAME))
                    .isInstanceOf(SecurityException.class)
                    .hasMessageStartingWith("unregisterMBean of " + Probe.NAME + " is refused for every remote user");
        }
        assertThat(probe.getLevel()).isEqualTo(7);
        assertThat(server.isRegistered(Probe.NAME)).isTrue();
        assertThat(server.isRegistered(new ObjectName("test.remote:type=Created"))).isFalse();
    }

    @Test
    void operatorActsAndTheMBeanSeesWhoThroughTheSubject() throws Exception {
        try (JMXConnector client = connect("olga")) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThat(mbs.invoke(Probe.NAME, "whoAmI", null, null)).isEqualTo("olga");
            mbs.setAttribute(Probe.NAME, new Attribute("Level", 3));
            assertThat(probe.getLevel()).isEqualTo(3);
            ObjectName created = new ObjectName("test.remote:type=Created");
            assertThatThrownBy(() -> mbs.createMBean("javax.management.timer.Timer", created))
                    .as("not even an operator creates MBeans").isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> mbs.unregisterMBean(Probe.NAME)).isInstanceOf(SecurityException.class);
            assertThat(client.getConnectionId()).contains("olga");
        }
        assertThat(probe.whoAmI()).as("a local call runs as nobody").isEqualTo("(no subject)");
        assertThat(server.isRegistered(Probe.NAME)).isTrue();
        assertThat(server.isRegistered(new ObjectName("test.remote:type=Created"))).isFalse();
    }

    /**
     * The connector's serial filter refuses the delegated subject's principals before anything
     * else ({@link AcceptedTypes}); were it let through, the JDK would refuse the delegation (no
     * SubjectDelegationPermission), and a delegated subject would carry no RoleGrant anyway, which
     * {@link ViewForwarderTest} covers.
     */
    @Test
    void aViewerCannotActAsAnOperatorThroughADelegatedSubject() throws Exception {
        Subject pretend = new Subject();
        pretend.getPrincipals().add(new JMXPrincipal("olga"));
        try (JMXConnector client = connect("vik")) {
            MBeanServerConnection mbs = client.getMBeanServerConnection(pretend);
            assertThatThrownBy(() -> mbs.invoke(Probe.NAME, "whoAmI", null, null))
                    .isInstanceOfAny(SecurityException.class, IOException.class);
            assertThatThrownBy(() -> mbs.setAttribute(Probe.NAME, new Attribute("Level", 1)))
                    .isInstanceOfAny(SecurityException.class, IOException.class);
        }
        assertThat(probe.getLevel()).isEqualTo(7);
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        int port = connector.address().getPort();
        assertThat(connector.listeningSockets()).isNotEmpty().allSatisfy(socket -> {
            assertThat(socket.getInetAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        });
        for (InetAddress other : nonLoopbackAddresses()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, port), 2_000))
                        .as("connecting through %s", other).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void closeFreesThePortAndLeavesNoThreadThatKeepsTheJvmAlive() throws Exception {
        connector.close();
        connector = null;
        Set<Thread> before = nonDaemonThreads();

        RemoteConnector first = start(settings(0), server);
        int port = first.address().getPort();
        try (JMXConnector client = connect(first.address(), "vik", passwords.get("vik"))) {
            assertThat(client.getMBeanServerConnection().getAttribute(Probe.NAME, "Level")).isEqualTo(7);
            Set<Thread> running = nonDaemonThreads();
            running.removeAll(before);
            assertThat(running).as("non-daemon threads while serving a client").isEmpty();
        }
        first.close();
        first.close();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }

        RemoteConnector second = start(settings(port), server);
        try (JMXConnector client = connect(second.address(), "olga", passwords.get("olga"))) {
            assertThat(second.address().getPort()).isEqualTo(port);
            assertThat(client.getMBeanServerConnection().invoke(Probe.NAME, "whoAmI", null, null)).isEqualTo("olga");
        } finally {
            second.close();
        }

        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Set<Thread> extra = nonDaemonThreads();
        extra.removeAll(before);
        while (!extra.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            extra = nonDaemonThreads();
            extra.removeAll(before);
        }
        assertThat(extra).as("non-daemon threads left after close").isEmpty();
        assertThat(System.getProperty(RemoteConnector.HOSTNAME_PROPERTY)).isNull();
    }

    @Test
    void refusesToStartWithoutUsableCredentials() throws IOException {
        connector.close();
        connector = null;
        assertThatThrownBy(() -> new RemoteSettings(true, "127.0.0.1", 0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RemoteSettings.CREDENTIALS_FILE);
        Path absent = dir.resolve("absent");
        assertThatThrownBy(() -> start(new RemoteSettings(true, "127.0.0.1", 0, absent, null), server))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        if (CredentialsTest.posix(dir)) {
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-rw----"));
            assertThatThrownBy(() -> start(settings(0), server))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("chmod 600 " + users);
        }
        assertThatThrownBy(() -> start(RemoteSettings.disabled(), server))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(RemoteSettings.ENABLED);
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        int port = connector.address().getPort();
        assertThatThrownBy(() -> start(settings(port), server))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start on 127.0.0.1:" + port);
    }

    static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !thread.isDaemon() && thread.isAlive())
                .collect(Collectors.toSet());
    }

    static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }
}
