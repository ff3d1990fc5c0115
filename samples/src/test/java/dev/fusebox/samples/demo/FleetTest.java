package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * stops. The only test with child JVMs.
 */
class FleetTest {

    private static final Duration STARTUP = Duration.ofSeconds(40);

    @TempDir
    Path home;

    @Test
    void threeShopsStartAnswerAndStopTogether() throws Exception {
        Output output = new Output();
        List<Process> members;
        int[] memberPorts = new int[2];
        try (ShopDemo demo = ShopDemo.start(DemoOptions.parse("--home", home.toString(), "--jmx-port", "0",
                "--metrics-port", "0", "--rate", "2", "--users", "1", "--instances", "3"), output.stream(), interval -> {
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
                assertThat(address.getPort()).isNotEqualTo(demo.shop().jmxAddress().getPort());
                memberPorts[number - 2] = address.getPort();
                assertThat(Files.exists(home.resolve(application).resolve(DemoHome.CREDENTIALS)))
                        .as("own home sub-directory").isTrue();
            }
        }
        assertThat(members).noneMatch(Process::isAlive);
        assertThat(Hygiene.free(memberPorts[0])).isTrue();
        assertThat(Hygiene.free(memberPorts[1])).isTrue();
        output.await(Pattern.quote("[shop-2] ") + "stopped +shop-2 after \\d+ checkouts", Duration.ofSeconds(1));
        output.await(Pattern.quote("[shop-3] ") + "stopped +shop-3 after \\d+ checkouts", Duration.ofSeconds(1));
    }
}
