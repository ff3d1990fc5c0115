package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees in the demo's terminal, with the demo started as its Maven profile and
 * {@code demo.sh} start it: a child JVM with the samples' {@code logging.properties}, stdin a pipe.
 * A failed login, a refused call and an operator's action over the real connector each print a
 * line; the operator's outage, which fails calls every second, prints no per-call line; the
 * periodic summaries go to {@code <home>/summary.log}, never between the lines a person types,
 * and {@code status} prints the latest.
 */
class DemoTerminalTest {

    private static final ObjectName PAYMENTS_FAULTS = name("dev.fusebox.samples:type=FaultInjector,dependency=payments");
    private static final String SUMMARY = "\\d\\d:\\d\\d:\\d\\d checkouts \\d+: ok \\d+, degraded \\d+, failed \\d+ .*";

    @TempDir
    Path home;

    @Test
    void securityEventsArePrintedAndSummariesStayOutOfTheWayUntilAskedFor() throws Exception {
        Output output = new Output();
        Process demo = startDemo(output);
        try (OutputStream stdin = demo.getOutputStream()) {
            output.await("ready .*", Duration.ofSeconds(60));
            JMXServiceURL address = new JMXServiceURL(output.await("jmx +(service:jmx:\\S+) .*", Duration.ZERO).group(1));
            String operator = output.await("users +operator +password (\\S+) .*", Duration.ZERO).group(1);
            String viewer = output.await("users +viewer +password (\\S+) .*", Duration.ZERO).group(1);

            assertThatThrownBy(() -> connect(address, "operator", "not-" + operator).close())
                    .isInstanceOf(SecurityException.class);
            output.await(".*remote JMX login failed for user 'operator' from 127\\.0\\.0\\.1.*", Duration.ofSeconds(10));

            try (JMXConnector asViewer = connect(address, "viewer", viewer)) {
                MBeanServerConnection connection = asViewer.getMBeanServerConnection();
                assertThatThrownBy(() -> connection.setAttribute(PAYMENTS_FAULTS, new Attribute("Outage", true)))
                        .isInstanceOf(SecurityException.class);
            }
            output.await(".*remote JMX call refused for viewer from .*Outage.*", Duration.ofSeconds(10));

            try (JMXConnector asOperator = connect(address, "operator", operator)) {
                asOperator.getMBeanServerConnection().setAttribute(PAYMENTS_FAULTS, new Attribute("Outage", true));
            }
            output.await(".*principal=\"operator\" action=setAttribute .*outcome=done.*Outage=true.*", Duration.ofSeconds(10));

            // summaries are written while payments is down (its calls fail, each of them)
            Path summaries = home.resolve("summary.log");
            awaitLine(summaries, ".*\\| payments [^|]*(error|open) \\d+ .*", Duration.ofSeconds(30));
            assertThat(Files.readAllLines(summaries)).hasSizeGreaterThan(1).allMatch(line -> line.matches(SUMMARY));
            assertThat(output.lines()).as("the terminal").noneMatch(line -> line.matches(SUMMARY));
            // the log lines are the security events above and the connector's warning at start, nothing per call
            assertThat(output.lines().stream().filter(line -> line.matches("(INFO|WARNING|SEVERE) .*")))
                    .isNotEmpty()
                    .allMatch(line -> line.contains("remote JMX") || line.contains("principal="), "a security line");

            stdin.write("status\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            output.await("last summary +" + SUMMARY, Duration.ofSeconds(10));
            stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo ended after quit; printed:%n%s", output)
                    .isTrue();
        } finally {
            if (demo.isAlive()) {
                demo.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process startDemo(Output output) throws Exception {
        Path logging = Path.of(ShopDemo.class.getResource("/logging.properties").toURI());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.config.file=" + logging,
                "-cp", System.getProperty("java.class.path"), ShopDemo.class.getName(),
                "--home", home.toString(), "--jmx-port", "0", "--metrics-port", "0",
                "--rate", "10", "--users", "2", "--summary-seconds", "0.5"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.stream().println(line);
                }
            } catch (IOException e) {
                output.stream().println("reading the demo's output failed: " + e);
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void awaitLine(Path file, String regex, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!Files.exists(file) || Files.readAllLines(file).stream().noneMatch(line -> line.matches(regex))) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(file + " has no line matching " + regex + " within " + patience);
            }
            Thread.sleep(50);
        }
    }

    private static JMXConnector connect(JMXServiceURL address, String user, String password) throws IOException {
        return JMXConnectorFactory.connect(address, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
