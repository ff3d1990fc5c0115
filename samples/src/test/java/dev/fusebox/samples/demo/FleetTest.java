package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetActionResult;
import dev.fusebox.ft.fleet.client.FleetApplication;
import dev.fusebox.ft.fleet.client.FleetApplied;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.FleetOperator;
import dev.fusebox.ft.fleet.client.FleetView;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.management.JMX;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --instances 3}: shop-2 and shop-3 run as separate JVMs with their own homes and ports,
 * their output is forwarded with their name in front, their printed credentials log in to their
 * own JMX port (where each is registered under its own name), and all stop when the first one
 * stops. The three register in the ZooKeeper the first one started, and a fleet-wide force (one
 * write, as the console's fleet tab makes it) is applied by all three JVMs and seen on each one's
 * JMX. The only test with child JVMs.
 */
class FleetTest {

    private static final Duration STARTUP = Duration.ofSeconds(40);
    private static final String PAYMENTS = PaymentsClient.class.getName() + "#charge";

    @TempDir
    Path home;

    @Test
    void threeShopsStartAnswerAndStopTogether() throws Exception {
        Output output = new Output();
        List<Process> members;
        int[] memberPorts = new int[2];
        List<JMXServiceURL> addresses = new ArrayList<>();
        List<String> passwords = new ArrayList<>();
        try (ShopDemo demo = ShopDemo.start(DemoOptions.parse("--home", home.toString(), "--jmx-port", "0",
                "--metrics-port", "0", "--rate", "2", "--users", "1", "--instances", "3", "--zookeeper-port", "0"),
                output.stream(), interval -> {
                })) {
            members = demo.fleetProcesses();
            assertThat(members).hasSize(2).allMatch(Process::isAlive);
            for (int number = 2; number <= 3; number++) {
                String application = "shop-" + number;
                String prefix = Pattern.quote("[" + application + "] ");
                JMXServiceURL address = new JMXServiceURL(output.await(prefix + "jmx +(\\S+) .*", STARTUP).group(1));
                String password = output.await(prefix + "users +operator +password (\\S+) .*", STARTUP).group(1);
                output.await(prefix + "ready .*", STARTUP);
                try (JMXConnector connector = RemoteFaultSwitchingTest.connect(address, DemoHome.OPERATOR, password)) {
                    var connection = connector.getMBeanServerConnection();
                    assertThat(JMX.newMXBeanProxy(connection, ManagementNames.registry(application),
                            FaultToleranceMXBean.class).getApplication()).isEqualTo(application);
                    FaultInjectorMXBean payments = JMX.newMXBeanProxy(connection,
                            new ObjectName("dev.fusebox.samples:type=FaultInjector,dependency=payments"),
                            FaultInjectorMXBean.class);
                    payments.setErrorRate(0.1);
                    assertThat(payments.getStatus()).isEqualTo("errors 10%");
                }
                addresses.add(address);
                passwords.add(password);
                assertThat(address.getPort()).isNotEqualTo(demo.shop().jmxAddress().getPort());
                memberPorts[number - 2] = address.getPort();
                assertThat(Files.exists(home.resolve(application).resolve(DemoHome.CREDENTIALS)))
                        .as("own home sub-directory").isTrue();
            }
            forcedFleetWide(demo.fleetZooKeeper(), addresses, passwords);
        }
        assertThat(members).noneMatch(Process::isAlive);
        assertThat(Hygiene.free(memberPorts[0])).isTrue();
        assertThat(Hygiene.free(memberPorts[1])).isTrue();
        output.await(Pattern.quote("[shop-2] ") + "stopped +shop-2 after \\d+ checkouts", Duration.ofSeconds(1));
        output.await(Pattern.quote("[shop-3] ") + "stopped +shop-3 after \\d+ checkouts", Duration.ofSeconds(1));
    }

    /** Forces payments open on the whole fleet with one write; every shop applies it and says so on its JMX. */
    private static void forcedFleetWide(String zookeeper, List<JMXServiceURL> members, List<String> passwords)
            throws Exception {
        try (FleetConnection connection = FleetConnection.start(FleetAccess.open(zookeeper))) {
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
            try (FleetView view = FleetView.watch(connection, snapshot -> {
            })) {
                awaitMembers(view, 3);
                FleetOperator operator = new FleetOperator(connection, "oncall");
                FleetActionResult forced = operator.forceOpen("shop", PAYMENTS, "payments provider down", null);
                assertThat(forced.committed()).as(forced.message()).isTrue();
                FleetApplied applied = operator.awaitApplied("shop", forced.actionId(), Duration.ofSeconds(20));
                assertThat(applied.everywhere()).as(applied.summary()).isTrue();
                assertThat(applied.members()).isEqualTo(3);
                // each shop says how it sees the store: a connection made before the agent listened to it
                // (a JVM slow to start, as these are) once left "connecting" there for good
                awaitStatuses(view, "connected");
            }
        }
        for (int i = 0; i < members.size(); i++) {
            try (JMXConnector connector = RemoteFaultSwitchingTest.connect(members.get(i), DemoHome.OPERATOR,
                    passwords.get(i))) {
                CircuitBreakerMXBean payments = JMX.newMXBeanProxy(connector.getMBeanServerConnection(),
                        ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, "shop-" + (i + 2),
                                PaymentsClient.class.getName(), "charge"), CircuitBreakerMXBean.class);
                assertThat(payments.getState()).isEqualTo("OPEN");
            }
        }
    }

    private static void awaitMembers(FleetView view, int count) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (members(view) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fleet has " + members(view) + " members, not " + count + ": "
                        + view.snapshot());
            }
            Thread.sleep(50);
        }
    }

    private static void awaitStatuses(FleetView view, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!view.snapshot().applications().get("shop").members().stream()
                .allMatch(member -> member.fleetStatus().equals(status))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not every shop says '" + status + "': " + view.snapshot().applications()
                        .get("shop").members().stream().map(m -> m.instanceId() + " " + m.fleetStatus()).toList());
            }
            Thread.sleep(50);
        }
    }

    private static int members(FleetView view) {
        FleetApplication shop = view.snapshot().applications().get("shop");
        return shop == null ? 0 : shop.members().size();
    }
}
