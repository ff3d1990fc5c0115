package dev.fusebox.ft.jmx.remote.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.jmx.remote.Credentials;
import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import dev.fusebox.ft.jmx.remote.RemoteSettings;
import dev.fusebox.ft.jmx.remote.Role;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerDelegate;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.Query;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, item 7: the attacks an authenticated remote user could make on the JVM through the
 * connector, each tried as operator ({@code olga}) and as viewer ({@code vik}) over the real RMI
 * connector on loopback, against a real container whose Fusebox MXBeans are on the platform MBean
 * server. Each must be refused with SecurityException, change nothing, and be audited with the
 * login and the client's address.
 */
@ExtendWith(ThreadHygiene.class)
class RemoteAttackTest {

    static final String APPLICATION = "attacked-shop";
    static final MBeanServer PLATFORM = ManagementFactory.getPlatformMBeanServer();
    static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    static final String HOTSPOT_DIAGNOSTIC = "com.sun.management:type=HotSpotDiagnostic";
    static final String SECRET_PROPERTY = "fusebox.test.keystore-password";

    @TempDir
    static Path dir;
    static Container container;
    static Map<String, String> passwords;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty(SECRET_PROPERTY, "s3cret");
        Path users = dir.resolve("jmx-users");
        passwords = Credentials.create(users, Map.of("olga", Role.OPERATOR, "vik", Role.VIEWER));
        container = Container.start(Map.of(RemoteSettings.ENABLED, "true", RemoteSettings.PORT, "0",
                RemoteSettings.CREDENTIALS_FILE, users.toString(), "fusebox.management.application", APPLICATION),
                Shop.Payments.class);
    }

    @AfterAll
    static void stop() {
        System.clearProperty(SECRET_PROPERTY);
        if (container != null) {
            container.close();
        }
    }

    @AfterEach
    void noAttackLeftAnything() throws Exception {
        assertThat(PLATFORM.queryNames(new ObjectName("attack:*"), null)).isEmpty();
        assertThat(PLATFORM.queryNames(null, Query.isInstanceOf(Query.value("javax.management.loading.MLet"))))
                .as("no MLet anywhere").isEmpty();
    }

    static JMXConnector connect(String user) throws Exception {
        return JMXConnectorFactory.connect(container.extension(RemoteAccessExtension.class).remoteAddress(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {user, passwords.get(user)}));
    }

    static ObjectName name(String text) throws Exception {
        return new ObjectName(text);
    }

    static ObjectName breaker() {
        return ManagementNames.of(ManagementNames.CIRCUIT_BREAKER,
                container.extension(ManagementExtension.class).application(), Shop.Payments.class.getName(), "charge");
    }

    /** The newest audit entry, read in-process. */
    static AuditEntry lastAudit() {
        List<AuditEntry> entries = JMX.newMXBeanProxy(PLATFORM, ManagementNames.registry(APPLICATION),
                FaultToleranceMXBean.class).getAuditLog();
        assertThat(entries).as("audit log").isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    static void assertRefusalAudited(String user, String action) {
        AuditEntry entry = lastAudit();
        assertThat(entry.principal()).isEqualTo(user);
        assertThat(entry.succeeded()).isFalse();
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.detail()).contains("from 127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void noMLetCanBeCreatedSoNoCodeIsLoadedFromAUrl(String user) throws Exception {
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            ObjectName mlet = name("attack:type=MLet");
            assertThatThrownBy(() -> mbs.createMBean("javax.management.loading.MLet", mlet))
                    .isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "createMBean");
            assertThatThrownBy(() -> mbs.createMBean("javax.management.loading.MLet", mlet,
                    MBeanServerDelegate.DELEGATE_NAME)).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> mbs.createMBean("javax.management.timer.Timer",
                    name("dev.fusebox.ft:type=Timer,application=" + APPLICATION))).isInstanceOf(SecurityException.class);
        }
        assertThat(PLATFORM.queryNames(name("dev.fusebox.ft:type=Timer,*"), null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void theDiagnosticCommandIsOutOfReach(String user) throws Exception {
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            Object[] agent = {new String[] {dir.resolve("no-such-agent.so").toString()}};
            assertThatThrownBy(() -> mbs.invoke(name(DIAGNOSTIC_COMMAND), "jvmtiAgentLoad", agent,
                    new String[] {String[].class.getName()})).isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "invoke");
            assertThatThrownBy(() -> mbs.getMBeanInfo(name(DIAGNOSTIC_COMMAND))).isInstanceOf(SecurityException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void noHeapDumpIsWritten(String user) throws Exception {
        Path dump = dir.resolve("heap-" + user + ".hprof");
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThatThrownBy(() -> mbs.invoke(name(HOTSPOT_DIAGNOSTIC), "dumpHeap",
                    new Object[] {dump.toString(), true}, new String[] {String.class.getName(), boolean.class.getName()}))
                    .isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "invoke");
        }
        assertThat(dump).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void vmOptionsStayAsTheyAre(String user) throws Exception {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = hotspot.getVMOption("HeapDumpOnOutOfMemoryError").getValue();
        String flipped = Boolean.toString(!Boolean.parseBoolean(before));
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThatThrownBy(() -> mbs.invoke(name(HOTSPOT_DIAGNOSTIC), "setVMOption",
                    new Object[] {"HeapDumpOnOutOfMemoryError", flipped},
                    new String[] {String.class.getName(), String.class.getName()})).isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "invoke");
        } finally {
            assertThat(hotspot.getVMOption("HeapDumpOnOutOfMemoryError").getValue()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void loggerLevelsStayAsTheyAreSoTheAuditCannotBeSilenced(String user) throws Exception {
        Logger audit = Logger.getLogger("dev.fusebox.ft.audit");
        Level before = audit.getLevel();
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThatThrownBy(() -> mbs.invoke(name("java.util.logging:type=Logging"), "setLoggerLevel",
                    new Object[] {"dev.fusebox.ft.audit", "OFF"}, new String[] {String.class.getName(), String.class.getName()}))
                    .isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "invoke");
        } finally {
            assertThat(audit.getLevel()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void systemPropertiesAndArgumentsAreNotReadable(String user) throws Exception {
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            ObjectName runtime = name(ManagementFactory.RUNTIME_MXBEAN_NAME);
            assertThatThrownBy(() -> mbs.getAttribute(runtime, "SystemProperties")).isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "getAttribute");
            assertThatThrownBy(() -> mbs.getAttribute(runtime, "InputArguments")).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> mbs.getAttributes(runtime, new String[] {"SystemProperties"}))
                    .isInstanceOf(SecurityException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void mbeanToMBeanListenersAreRefused(String user) throws Exception {
        ObjectName sinkName = name("attack.sink:type=Sink,user=" + user);
        Sink sink = new Sink();
        PLATFORM.registerMBean(sink, sinkName);
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThatThrownBy(() -> mbs.addNotificationListener(breaker(), sinkName, null, null))
                    .isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "addNotificationListener");
            assertThatThrownBy(() -> mbs.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, sinkName, null,
                    null)).isInstanceOf(SecurityException.class);
            // a listener added now, in-process, hears the next State change after the sink would have:
            // one broadcaster delivers to its listeners in the order they were added, on one thread
            BlockingQueue<Notification> heard = new ArrayBlockingQueue<>(4);
            NotificationListener local = (notification, handback) -> heard.add(notification);
            PLATFORM.addNotificationListener(breaker(), local, null, null);
            CircuitBreakerMXBean charge = JMX.newMXBeanProxy(PLATFORM, breaker(), CircuitBreakerMXBean.class);
            try {
                charge.forceOpen("test: listeners", "");
                assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the in-process listener heard it").isNotNull();
            } finally {
                charge.release();
                PLATFORM.removeNotificationListener(breaker(), local);
            }
            assertThat(sink.received).as("the sink MBean heard nothing").isEmpty();
        } finally {
            PLATFORM.unregisterMBean(sinkName);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void queriesFindOnlyFuseboxsMBeans(String user) throws Exception {
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            Set<ObjectName> all = mbs.queryNames(null, null);
            assertThat(all).isNotEmpty().allSatisfy(found -> assertThat(found.getDomain()).isEqualTo("dev.fusebox.ft"));
            assertThat(all).contains(breaker());
            assertThat(mbs.queryMBeans(null, null)).hasSameSizeAs(all);
            assertThat(mbs.queryNames(name("java.lang:*"), null)).isEmpty();
            assertThat(mbs.getDomains()).containsExactly("dev.fusebox.ft");
            assertThat(mbs.getMBeanCount()).isEqualTo(all.size());
            assertThat(mbs.isRegistered(name(ManagementFactory.RUNTIME_MXBEAN_NAME))).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void anMBeanAnotherPartyRegistersInFuseboxsDomainIsNeverServed(String user) throws Exception {
        ObjectName impostor = name("dev.fusebox.ft:type=CircuitBreaker,application=" + APPLICATION
                + ",bean=attack.Impostor,method=" + user);
        Sink sink = new Sink();
        PLATFORM.registerMBean(sink, impostor);
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThat(mbs.queryNames(name("dev.fusebox.ft:*"), null)).doesNotContain(impostor).contains(breaker());
            assertThat(mbs.isRegistered(impostor)).isFalse();
            assertThatThrownBy(() -> mbs.getAttribute(impostor, "Received")).isInstanceOf(InstanceNotFoundException.class);
            assertThatThrownBy(() -> mbs.invoke(impostor, "handleNotification", new Object[] {null, null},
                    new String[] {Notification.class.getName(), Object.class.getName()}))
                    .isInstanceOfAny(InstanceNotFoundException.class, SecurityException.class);
        } finally {
            PLATFORM.unregisterMBean(impostor);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"olga", "vik"})
    void fuseboxsMBeansCannotBeUnregisteredOrReplaced(String user) throws Exception {
        try (JMXConnector client = connect(user)) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThatThrownBy(() -> mbs.unregisterMBean(breaker())).isInstanceOf(SecurityException.class);
            assertRefusalAudited(user, "unregisterMBean");
            assertThat(mbs.isRegistered(breaker())).isTrue();
            assertThatThrownBy(() -> mbs.setAttribute(breaker(), new Attribute("State", "OPEN")))
                    .isInstanceOf(Exception.class);
        }
        assertThat(PLATFORM.isRegistered(breaker())).isTrue();
    }

    /** An MBean that is a NotificationListener: what an MBean-to-MBean listener registration names. */
    public interface SinkMBean {
        int getReceived();
    }

    public static final class Sink implements SinkMBean, NotificationListener {
        final List<Notification> received = new CopyOnWriteArrayList<>();

        @Override
        public int getReceived() {
            return received.size();
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            received.add(notification);
        }
    }
}
