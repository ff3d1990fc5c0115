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
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.AttributeChangeNotification;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
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
 * Issue 6's acceptance over a real RMI connector on loopback, started by the management extension
 * from MicroProfile Config: no connection without credentials; a viewer reads everything and every
 * action throws SecurityException and is audited; an operator forces a breaker open, the next calls fail fast (or
 * fall back), a remote listener gets the notification within 1 s, and the audit shows who and why;
 * a JVM with only the JDK on its class path reads every attribute.
 */
@ExtendWith(ThreadHygiene.class)
class RemoteAccessTest {

    @TempDir
    static Path dir;
    private static Container container;
    private static Map<String, String> passwords;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("jmx-users");
        passwords = Credentials.create(users, Map.of("olga", Role.OPERATOR, "vik", Role.VIEWER));
        container = Container.start(Map.of(RemoteSettings.ENABLED, "true", RemoteSettings.PORT, "0",
                RemoteSettings.CREDENTIALS_FILE, users.toString(), "fusebox.management.application", "remote-shop"),
                Shop.Payments.class);
        assertThat(container.extension(RemoteAccessExtension.class).remoteAddress()).as("connector started from config").isNotNull();
        assertThat(System.getProperty(RemoteAccessExtension.ADDRESS_PROPERTY))
                .as("published for local discovery").isEqualTo("127.0.0.1:" + container.extension(RemoteAccessExtension.class).remoteAddress().getPort());
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

    private static ObjectName breaker(String method) {
        return ManagementNames.of(ManagementNames.CIRCUIT_BREAKER,
                container.extension(ManagementExtension.class).application(), Shop.Payments.class.getName(), method);
    }

    @Test
    void noConnectionWithoutCredentials() {
        assertThatThrownBy(() -> JMXConnectorFactory.connect(container.extension(RemoteAccessExtension.class).remoteAddress(), null))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> JMXConnectorFactory.connect(container.extension(RemoteAccessExtension.class).remoteAddress(),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"olga", "not her password"})))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void aViewerReadsEverythingAndEveryActionIsRefused() throws Exception {
        try (JMXConnector connector = connect("vik")) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            CircuitBreakerMXBean charge = JMX.newMXBeanProxy(connection, breaker("charge"), CircuitBreakerMXBean.class);
            String stateBefore = charge.getState();
            assertThat(JMX.newMXBeanProxy(connection, ManagementNames.registry("remote-shop"), FaultToleranceMXBean.class)
                    .getCallerRole()).isEqualTo(FaultToleranceMXBean.VIEWER);
            int auditBefore = JMX.newMXBeanProxy(connection, ManagementNames.registry("remote-shop"),
                    FaultToleranceMXBean.class).getAuditLog().size();
            Set<ObjectName> names = connection.queryNames(new ObjectName("dev.fusebox.ft:application=remote-shop,*"), null);
            assertThat(names).hasSizeGreaterThan(4);
            int operations = 0;
            for (ObjectName name : names) {
                String[] attributes = Arrays.stream(connection.getMBeanInfo(name).getAttributes())
                        .map(MBeanAttributeInfo::getName).toArray(String[]::new);
                assertThat(connection.getAttributes(name, attributes).asList()).hasSize(attributes.length);
                for (MBeanOperationInfo operation : connection.getMBeanInfo(name).getOperations()) {
                    String[] signature = Arrays.stream(operation.getSignature()).map(p -> p.getType())
                            .toArray(String[]::new);
                    Object[] arguments = Arrays.stream(signature).map(type -> "java.lang.String".equals(type) ? "x" : null)
                            .toArray();
                    assertThatThrownBy(() -> connection.invoke(name, operation.getName(), arguments, signature))
                            .as("%s.%s", name, operation.getName()).isInstanceOf(SecurityException.class)
                            .hasMessageContaining("vik has role viewer");
                    operations++;
                }
            }
            assertThat(operations).as("every operation was tried").isGreaterThan(10);
            assertThatThrownBy(() -> charge.forceOpen("viewer tries", "")).isInstanceOf(SecurityException.class);
            assertThat(charge.getState()).isEqualTo(stateBefore);
            assertThat(charge.isForced()).isFalse();
            List<AuditEntry> audit = JMX.newMXBeanProxy(connection, ManagementNames.registry("remote-shop"),
                    FaultToleranceMXBean.class).getAuditLog();
            assertThat(audit).as("each refusal audited").hasSize(auditBefore + operations + 1);
            assertThat(audit.subList(auditBefore, audit.size())).allSatisfy(entry -> {
                assertThat(entry.principal()).isEqualTo("vik");
                assertThat(entry.action()).isEqualTo("invoke");
                assertThat(entry.succeeded()).isFalse();
                assertThat(entry.detail()).contains("needs role operator").endsWith("(from 127.0.0.1)");
            });
        }
    }

    @Test
    void anOperatorForcesABreakerOpenAndEveryoneSeesIt() throws Exception {
        Shop.Payments payments = container.bean(Shop.Payments.class);
        try (JMXConnector viewer = connect("vik"); JMXConnector operator = connect("olga")) {
            BlockingQueue<Notification> received = new ArrayBlockingQueue<>(16);
            viewer.getMBeanServerConnection().addNotificationListener(breaker("quote"),
                    (notification, handback) -> received.add(notification), null, null);
            MBeanServerConnection connection = operator.getMBeanServerConnection();
            assertThat(JMX.newMXBeanProxy(connection, ManagementNames.registry("remote-shop"), FaultToleranceMXBean.class)
                    .getCallerRole()).isEqualTo(FaultToleranceMXBean.OPERATOR);
            CircuitBreakerMXBean quote = JMX.newMXBeanProxy(connection, breaker("quote"), CircuitBreakerMXBean.class);
            CircuitBreakerMXBean charge = JMX.newMXBeanProxy(connection, breaker("charge"), CircuitBreakerMXBean.class);
            int before = payments.invocations();

            long forcedAt = System.nanoTime();
            assertThat(quote.forceOpen("INC-1234 quote service melting", "PT30M").succeeded()).isTrue();
            Notification notification = received.poll(1, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - forcedAt);

            assertThat(notification).as("notification within 1 s").isInstanceOf(AttributeChangeNotification.class);
            AttributeChangeNotification change = (AttributeChangeNotification) notification;
            assertThat(change.getAttributeName()).isEqualTo("State");
            assertThat(change.getNewValue()).isEqualTo("OPEN");
            assertThat(change.getMessage()).isEqualTo("forced open by olga: INC-1234 quote service melting");
            assertThat(tookMillis).isLessThan(1000);

            assertThat(charge.forceOpen("INC-1234 payments too", "").succeeded()).isTrue();
            for (int i = 0; i < 50; i++) {
                assertThat(payments.quote(false)).as("a forced-open breaker still falls back").isEqualTo("cached quote");
                assertThatThrownBy(() -> payments.charge(false)).isInstanceOf(CircuitBreakerOpenException.class);
            }
            assertThat(payments.invocations()).as("no call reached the dependency").isEqualTo(before);
            assertThat(quote.getForcing().by()).isEqualTo("olga");
            assertThat(quote.getForcing().untilEpochMillis()).isGreaterThan(System.currentTimeMillis());

            FaultToleranceMXBean registry = JMX.newMXBeanProxy(viewer.getMBeanServerConnection(),
                    ManagementNames.registry("remote-shop"), FaultToleranceMXBean.class);
            List<AuditEntry> audit = registry.getAuditLog();
            assertThat(audit).anySatisfy(entry -> {
                assertThat(entry.principal()).isEqualTo("olga");
                assertThat(entry.action()).isEqualTo("forceOpen");
                assertThat(entry.target()).isEqualTo(Shop.Payments.class.getName() + "#quote");
                assertThat(entry.reason()).isEqualTo("INC-1234 quote service melting");
                assertThat(entry.previousState()).isEqualTo("CLOSED");
                assertThat(entry.newState()).isEqualTo("OPEN");
                assertThat(entry.succeeded()).isTrue();
            });
            assertThat(quote.release().succeeded()).isTrue();
            assertThat(charge.release().succeeded()).isTrue();
        }
    }

    @Test
    void aJvmWithOnlyTheJdkReadsEveryAttribute() throws Exception {
        Path source = Path.of(RemoteAccessTest.class.getResource("/it/ReadEverything.java").toURI());
        Path output = dir.resolve("read-everything.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), container.extension(RemoteAccessExtension.class).remoteAddress().toString(), "vik", passwords.get("vik")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the reader did not finish");
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).containsPattern("read \\d{2,} attributes of \\d+ MBeans");
    }

    @Test
    void aJconsoleUserSeesOperationsWithNamedAndDescribedParameters() throws Exception {
        try (JMXConnector connector = connect("vik")) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            MBeanInfo info = connection.getMBeanInfo(breaker("charge"));
            MBeanOperationInfo forceOpen = Arrays.stream(info.getOperations())
                    .filter(operation -> operation.getName().equals("forceOpen")).findFirst().orElseThrow();
            assertThat(Arrays.stream(forceOpen.getSignature()).map(MBeanParameterInfo::getName))
                    .containsExactly("reason", "expiry");
            assertThat(forceOpen.getDescription()).startsWith("Holds the circuit open");
            assertThat(info.getDescription()).startsWith("The circuit breaker of one guarded method");
            assertThat(forceOpen.getImpact()).isEqualTo(MBeanOperationInfo.ACTION);
            assertThat(Arrays.stream(forceOpen.getSignature()).map(MBeanParameterInfo::getDescription))
                    .allSatisfy(description -> assertThat(description).isNotBlank())
                    .doesNotContain("reason", "expiry");
            assertThat(Arrays.stream(info.getAttributes()).filter(a -> a.getName().equals("State")).findFirst()
                    .orElseThrow().getDescription()).startsWith("CLOSED (calls go through)");
        }
    }

    private static ObjectName guardsRegistry() {
        return ManagementNames.registry(container.extension(ManagementExtension.class).application()
                + ManagementExtension.GUARDS_SUFFIX);
    }

    private static ObjectName guardBreaker(String guard) {
        return ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, container.extension(ManagementExtension.class)
                .application() + ManagementExtension.GUARDS_SUFFIX, Guard.class.getName(), guard);
    }

    /**
     * Programmatic guards through the secured connector: a guard built after the container started
     * is served with the application's rules (a viewer reads and cannot act, an operator forces,
     * the audit names the login), and a closed guard's MXBeans go away.
     */
    @Test
    void aGuardBuiltLaterIsServedWithTheApplicationsRulesUntilItIsClosed() throws Exception {
        try (JMXConnector viewer = connect("vik"); JMXConnector operator = connect("olga")) {
            MBeanServerConnection asViewer = viewer.getMBeanServerConnection();
            assertThat(asViewer.isRegistered(guardBreaker("payments-gateway"))).as("no guard yet").isFalse();

            Guard gateway = Guard.builder("payments-gateway").circuitBreaker(cb -> { }).build();
            try {
                assertThat(asViewer.isRegistered(guardBreaker("payments-gateway"))).isTrue();
                assertThat(asViewer.isRegistered(guardsRegistry())).isTrue();
                CircuitBreakerMXBean seen = JMX.newMXBeanProxy(asViewer, guardBreaker("payments-gateway"),
                        CircuitBreakerMXBean.class);
                assertThat(seen.getState()).isEqualTo("CLOSED");
                assertThatThrownBy(() -> seen.forceOpen("viewer tries", "")).isInstanceOf(SecurityException.class);

                CircuitBreakerMXBean acting = JMX.newMXBeanProxy(operator.getMBeanServerConnection(),
                        guardBreaker("payments-gateway"), CircuitBreakerMXBean.class);
                ActionResult forced = acting.forceOpen("gateway down", "");
                assertThat(forced.succeeded()).as(forced.message()).isTrue();
                assertThatThrownBy(() -> gateway.call(() -> "paid")).isInstanceOf(CircuitBreakerOpenException.class);
                FaultToleranceMXBean registry = JMX.newMXBeanProxy(asViewer, guardsRegistry(), FaultToleranceMXBean.class);
                assertThat(registry.getAuditLog()).anySatisfy(entry -> {
                    assertThat(entry.principal()).isEqualTo("olga");
                    assertThat(entry.action()).isEqualTo("forceOpen");
                });
            } finally {
                gateway.close();
            }
            assertThat(asViewer.isRegistered(guardBreaker("payments-gateway"))).as("closed guards go").isFalse();
            assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(guardBreaker("payments-gateway"))).isFalse();
        }
    }
}
