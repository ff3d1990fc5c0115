package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import javax.management.Attribute;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo over its real, password-protected remote JMX connector, three runs on one home: the
 * first creates and prints credentials that log in; the viewer reads the fault injectors and is
 * refused every change; the operator switches faults and forces the payments breaker open; the
 * second run creates no credentials, says where they are, and still has the breaker forced open
 * (kept in the overrides file); {@code --reset-credentials} makes new passwords that replace the old.
 */
class RemoteFaultSwitchingTest {

    private static final ObjectName PAYMENTS_FAULTS = name("dev.fusebox.samples:type=FaultInjector,dependency=payments");
    private static final String CLIENTS = "dev.fusebox.samples.demo.";

    @TempDir
    Path home;

    @Test
    void operatorsSwitchFaultsViewersOnlyLookAndCredentialsAreMadeOnce() throws Exception {
        Map<String, String> first;
        Output firstRun = new Output();
        try (ShopDemo demo = start(firstRun)) {
            first = Map.of(DemoHome.OPERATOR, password(firstRun, DemoHome.OPERATOR),
                    DemoHome.VIEWER, password(firstRun, DemoHome.VIEWER));
            JMXServiceURL address = demo.shop().jmxAddress();
            assertThat(firstRun.find("jmx +" + java.util.regex.Pattern.quote(address.toString()) + " .*")).isPresent();
            assertThat(address.getHost()).isEqualTo("127.0.0.1");

            try (JMXConnector viewer = connect(address, DemoHome.VIEWER, first.get(DemoHome.VIEWER))) {
                MBeanServerConnection connection = viewer.getMBeanServerConnection();
                FaultInjectorMXBean payments = JMX.newMXBeanProxy(connection, PAYMENTS_FAULTS, FaultInjectorMXBean.class);
                assertThat(payments.getStatus()).isEqualTo("healthy");
                assertThat(connection.getAttribute(PAYMENTS_FAULTS, "ErrorRate")).isEqualTo(0.0);
                assertThat(connection.queryNames(name("dev.fusebox.samples:type=FaultInjector,*"), null)).hasSize(3);
                assertThat(JMX.newMXBeanProxy(connection, ManagementNames.registry("shop"), FaultToleranceMXBean.class)
                        .getApplication()).isEqualTo("shop");
                assertThatThrownBy(() -> payments.setOutage(true)).isInstanceOf(SecurityException.class)
                        .hasMessageContaining("viewer has role viewer");
                assertThatThrownBy(() -> connection.setAttribute(PAYMENTS_FAULTS, new Attribute("ErrorRate", 0.5)))
                        .isInstanceOf(SecurityException.class);
                assertThatThrownBy(payments::heal).isInstanceOf(SecurityException.class);
                assertThat(demo.shop().dependencies().payments().isOutage()).isFalse();
            }

            try (JMXConnector operator = connect(address, DemoHome.OPERATOR, first.get(DemoHome.OPERATOR))) {
                MBeanServerConnection connection = operator.getMBeanServerConnection();
                FaultInjectorMXBean payments = JMX.newMXBeanProxy(connection, PAYMENTS_FAULTS, FaultInjectorMXBean.class);
                payments.setOutage(true);
                assertThat(demo.shop().dependencies().payments().isOutage()).isTrue();
                assertThatThrownBy(() -> demo.shop().payments().charge("o-1", 100)).isInstanceOf(ConnectException.class);
                connection.setAttribute(PAYMENTS_FAULTS, new Attribute("ErrorRate", 0.25));
                connection.setAttribute(PAYMENTS_FAULTS, new Attribute("LatencyMillis", 50L));
                assertThat(payments.getStatus()).isEqualTo("OUTAGE, errors 25%, latency +50 ms");
                connection.invoke(PAYMENTS_FAULTS, "heal", null, null);
                assertThat(demo.shop().dependencies().payments().getStatus()).isEqualTo("healthy");

                assertThat(paymentsBreaker(connection).forceOpen("demo test: payments provider down", "").succeeded())
                        .isTrue();
                assertThat(demo.shop().breakerStates()).containsEntry(Dependencies.PAYMENTS, "OPEN(forced)");
            }
        }
        Path users = home.resolve(DemoHome.CREDENTIALS);
        byte[] usersFile = Files.readAllBytes(users);

        Output secondRun = new Output();
        try (ShopDemo demo = start(secondRun)) {
            assertThat(secondRun.lines()).noneMatch(line -> line.contains("password "));
            assertThat(secondRun.find("users +operator and viewer in " + java.util.regex.Pattern.quote(users.toString())
                    + ".*--reset-credentials.*")).isPresent();
            assertThat(Files.readAllBytes(users)).as("credentials not recreated").isEqualTo(usersFile);
            try (JMXConnector operator = connect(demo.shop().jmxAddress(), DemoHome.OPERATOR, first.get(DemoHome.OPERATOR))) {
                CircuitBreakerMXBean breaker = paymentsBreaker(operator.getMBeanServerConnection());
                assertThat(breaker.getState()).as("forced state kept in the overrides file").isEqualTo("OPEN");
                assertThat(breaker.isForced()).isTrue();
                breaker.release();
            }
        }

        Output thirdRun = new Output();
        try (ShopDemo demo = start(thirdRun, "--reset-credentials")) {
            String newOperator = password(thirdRun, DemoHome.OPERATOR);
            assertThat(newOperator).isNotEqualTo(first.get(DemoHome.OPERATOR));
            assertThatThrownBy(() -> connect(demo.shop().jmxAddress(), DemoHome.OPERATOR, first.get(DemoHome.OPERATOR)))
                    .isInstanceOf(SecurityException.class);
            connect(demo.shop().jmxAddress(), DemoHome.OPERATOR, newOperator).close();
            assertThat(demo.shop().breakerStates()).containsEntry(Dependencies.PAYMENTS, "CLOSED");
        }
    }

    private ShopDemo start(Output output, String... more) throws Exception {
        String[] args = {"--home", home.toString(), "--jmx-port", "0", "--metrics-port", "0", "--rate", "0"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return ShopDemo.start(DemoOptions.parse(all), output.stream(), interval -> {
        });
    }

    /** The password the demo printed for {@code user}. */
    static String password(Output output, String user) throws InterruptedException {
        Matcher line = output.await("(?:\\[\\S+] )?users +" + user + " +password (\\S+) .*", Duration.ofSeconds(1));
        return line.group(1);
    }

    static JMXConnector connect(JMXServiceURL address, String user, String password) throws Exception {
        return JMXConnectorFactory.connect(address, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private static CircuitBreakerMXBean paymentsBreaker(MBeanServerConnection connection) {
        return JMX.newMXBeanProxy(connection, ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, "shop",
                CLIENTS + "PaymentsClient", "charge"), CircuitBreakerMXBean.class);
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
