package dev.fusebox.ft.jmx.remote.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.jmx.remote.Credentials;
import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import dev.fusebox.ft.jmx.remote.RemoteSettings;
import dev.fusebox.ft.jmx.remote.Role;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programmatic guards through the secured remote connector: a guard built after the container
 * started is served to remote clients with the application's own rules (a viewer reads and cannot
 * act, an operator forces), and a closed guard's MXBeans go away; on the platform server the same
 * names never reach a client that is not served them.
 */
@ExtendWith(ThreadHygiene.class)
class RemoteGuardsTest {

    @TempDir
    static Path dir;
    private static Container container;
    private static Map<String, String> passwords;
    private static String guards;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("jmx-users");
        passwords = Credentials.create(users, Map.of("olga", Role.OPERATOR, "vik", Role.VIEWER));
        container = Container.start(Map.of(RemoteSettings.ENABLED, "true", RemoteSettings.PORT, "0",
                RemoteSettings.CREDENTIALS_FILE, users.toString(), "fusebox.management.application", "guarded-shop"),
                Shop.Payments.class);
        guards = container.extension(ManagementExtension.class).application() + ManagementExtension.GUARDS_SUFFIX;
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    private static JMXConnector connect(String user) throws Exception {
        return JMXConnectorFactory.connect(container.extension(RemoteAccessExtension.class).remoteAddress(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {user, passwords.get(user)}));
    }

    private static ObjectName breaker(String guard) {
        return ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, guards, Guard.class.getName(), guard);
    }

    @Test
    void aGuardBuiltLaterIsServedWithTheApplicationsRulesUntilItIsClosed() throws Exception {
        try (JMXConnector viewer = connect("vik"); JMXConnector operator = connect("olga")) {
            MBeanServerConnection asViewer = viewer.getMBeanServerConnection();
            assertThat(asViewer.isRegistered(breaker("payments-gateway"))).as("no guard yet").isFalse();

            Guard gateway = Guard.builder("payments-gateway").circuitBreaker(cb -> { }).build();
            try {
                assertThat(asViewer.isRegistered(breaker("payments-gateway"))).isTrue();
                assertThat(asViewer.isRegistered(ManagementNames.registry(guards))).isTrue();
                CircuitBreakerMXBean seen = JMX.newMXBeanProxy(asViewer, breaker("payments-gateway"),
                        CircuitBreakerMXBean.class);
                assertThat(seen.getState()).isEqualTo("CLOSED");
                assertThatThrownBy(() -> seen.forceOpen("viewer tries", "")).isInstanceOf(SecurityException.class);

                CircuitBreakerMXBean acting = JMX.newMXBeanProxy(operator.getMBeanServerConnection(),
                        breaker("payments-gateway"), CircuitBreakerMXBean.class);
                ActionResult forced = acting.forceOpen("gateway down", "");
                assertThat(forced.succeeded()).as(forced.message()).isTrue();
                assertThatThrownBy(() -> gateway.call(() -> "paid")).isInstanceOf(CircuitBreakerOpenException.class);
                FaultToleranceMXBean registry = JMX.newMXBeanProxy(asViewer, ManagementNames.registry(guards),
                        FaultToleranceMXBean.class);
                assertThat(registry.getAuditLog()).anySatisfy(entry -> {
                    assertThat(entry.principal()).isEqualTo("olga");
                    assertThat(entry.action()).isEqualTo("forceOpen");
                });
            } finally {
                gateway.close();
            }
            assertThat(asViewer.isRegistered(breaker("payments-gateway"))).as("closed guards go").isFalse();
            assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(breaker("payments-gateway"))).isFalse();
        }
    }
}
