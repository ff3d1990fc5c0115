package dev.fusebox.ft.jmx.remote.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.jmx.remote.Credentials;
import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import dev.fusebox.ft.jmx.remote.Role;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 7: what the application opts in to with {@code fusebox.jmx.remote.expose}. Its
 * own MBeans are served by role (viewers read, operators act, each change audited with the login
 * and address); JDK MBeans are served read-only to every role; what is registered later shows up,
 * what goes away disappears. Over the real RMI connector on loopback.
 */
@ExtendWith(ThreadHygiene.class)
class ExposedMBeansTest {

    static final String APPLICATION = "exposing-shop";
    static final MBeanServer PLATFORM = ManagementFactory.getPlatformMBeanServer();
    static final ObjectName SWITCH = name("test.app:type=Switch,name=main");
    static final ObjectName MEMORY = name(ManagementFactory.MEMORY_MXBEAN_NAME);

    @TempDir
    static Path dir;
    static Container container;
    static Map<String, String> passwords;
    static final Switch main = new Switch();

    @BeforeAll
    static void start() throws Exception {
        PLATFORM.registerMBean(main, SWITCH);
        Path users = dir.resolve("jmx-users");
        passwords = Credentials.create(users, Map.of("olga", Role.OPERATOR, "vik", Role.VIEWER));
        container = Container.start(Map.of("fusebox.jmx.remote.enabled", "true", "fusebox.jmx.remote.port", "0",
                "fusebox.jmx.remote.credentials-file", users.toString(), "fusebox.management.application", APPLICATION,
                "fusebox.jmx.remote.expose", "test.app:type=Switch,*, java.lang:type=Memory"), Shop.Payments.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (container != null) {
            container.close();
        }
        PLATFORM.unregisterMBean(SWITCH);
    }

    static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JMXConnector connect(String user) throws Exception {
        return JMXConnectorFactory.connect(container.extension(RemoteAccessExtension.class).remoteAddress(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {user, passwords.get(user)}));
    }

    static AuditEntry lastAudit() {
        List<AuditEntry> entries = JMX.newMXBeanProxy(PLATFORM, ManagementNames.registry(APPLICATION),
                FaultToleranceMXBean.class).getAuditLog();
        return entries.get(entries.size() - 1);
    }

    @Test
    void theApplicationsOwnMBeanIsServedByRoleAndEveryChangeIsAudited() throws Exception {
        try (JMXConnector viewer = connect("vik"); JMXConnector operator = connect("olga")) {
            MBeanServerConnection asViewer = viewer.getMBeanServerConnection();
            assertThat(asViewer.queryNames(name("test.app:*"), null)).containsExactly(SWITCH);
            assertThat(asViewer.getAttribute(SWITCH, "On")).isEqualTo(false);
            assertThatThrownBy(() -> asViewer.setAttribute(SWITCH, new Attribute("On", true)))
                    .isInstanceOf(SecurityException.class).hasMessageContaining("needs role operator");
            assertThat(main.isOn()).isFalse();

            operator.getMBeanServerConnection().setAttribute(SWITCH, new Attribute("On", true));
            assertThat(main.isOn()).isTrue();
            AuditEntry entry = lastAudit();
            assertThat(entry.principal()).isEqualTo("olga");
            assertThat(entry.action()).isEqualTo("setAttribute");
            assertThat(entry.target()).isEqualTo(SWITCH.toString());
            assertThat(entry.succeeded()).isTrue();
            assertThat(entry.detail()).isEqualTo("On=true (from 127.0.0.1)");

            operator.getMBeanServerConnection().invoke(SWITCH, "flip", null, null);
            assertThat(main.isOn()).isFalse();
            assertThat(lastAudit().action()).isEqualTo("invoke");
            assertThat(lastAudit().detail()).isEqualTo("flip() (from 127.0.0.1)");
        }
    }

    @Test
    void anExposedJdkMBeanIsReadOnlyForEveryone() throws Exception {
        boolean verbose = ManagementFactory.getMemoryMXBean().isVerbose();
        for (String user : List.of("olga", "vik")) {
            try (JMXConnector client = connect(user)) {
                MBeanServerConnection mbs = client.getMBeanServerConnection();
                assertThat(mbs.getAttribute(MEMORY, "HeapMemoryUsage")).isInstanceOf(CompositeData.class);
                MBeanInfo info = mbs.getMBeanInfo(MEMORY);
                assertThat(info.getOperations()).as("no operations offered").isEmpty();
                assertThat(info.getAttributes()).noneMatch(MBeanAttributeInfo::isWritable);
                assertThatThrownBy(() -> mbs.invoke(MEMORY, "gc", null, null))
                        .isInstanceOf(SecurityException.class).hasMessageContaining("exposed read-only");
                assertThat(lastAudit().principal()).isEqualTo(user);
                assertThat(lastAudit().succeeded()).isFalse();
                assertThatThrownBy(() -> mbs.setAttribute(MEMORY, new Attribute("Verbose", !verbose)))
                        .isInstanceOf(SecurityException.class);
                assertThat(mbs.queryNames(name("java.lang:*"), null)).containsExactly(MEMORY);
            }
        }
        assertThat(ManagementFactory.getMemoryMXBean().isVerbose()).isEqualTo(verbose);
    }

    @Test
    void anMBeanRegisteredLaterIsServedUntilItGoesAway() throws Exception {
        ObjectName later = name("test.app:type=Switch,name=later");
        try (JMXConnector client = connect("vik")) {
            MBeanServerConnection mbs = client.getMBeanServerConnection();
            assertThat(mbs.isRegistered(later)).isFalse();
            PLATFORM.registerMBean(new Switch(), later);
            try {
                assertThat(mbs.isRegistered(later)).isTrue();
                assertThat(mbs.getAttribute(later, "On")).isEqualTo(false);
            } finally {
                PLATFORM.unregisterMBean(later);
            }
            assertThat(mbs.isRegistered(later)).isFalse();
            assertThat(mbs.queryNames(name("test.app:*"), null)).containsExactly(SWITCH);
        }
    }

    public interface SwitchMBean {
        boolean isOn();

        void setOn(boolean on);

        void flip();
    }

    public static final class Switch implements SwitchMBean {
        private volatile boolean on;

        @Override
        public boolean isOn() {
            return on;
        }

        @Override
        public void setOn(boolean on) {
            this.on = on;
        }

        @Override
        public void flip() {
            on = !on;
        }
    }
}
