package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the demo while checkouts hang on payments: it returns promptly, every thread it
 * started has ended (no non-daemon thread is left to keep the JVM up), and its JMX and metrics
 * ports can be bound again.
 */
class ShutdownTest {

    @TempDir
    Path home;

    @Test
    void stopsPromptlyLeavingNoThreadAndNoPort() throws Exception {
        Hygiene hygiene = Hygiene.baseline();
        Output output = new Output();
        ShopDemo demo = ShopDemo.start(DemoOptions.parse("--home", home.toString(), "--jmx-port", "0",
                "--metrics-port", "0", "--rate", "30", "--users", "4", "--fault", "payments=hang",
                "--fault", "recommendations=hang"), output.stream(), interval -> {
                });
        JMXServiceURL jmx = demo.shop().jmxAddress();
        URI metrics = demo.shop().scrapePage();
        assertThat(Hygiene.free(jmx.getPort())).as("JMX port in use while up").isFalse();
        assertThat(Hygiene.free(metrics.getPort())).as("metrics port in use while up").isFalse();
        output.await("fault +payments +HANG", Duration.ofSeconds(5));
        Thread.sleep(300); // users are now inside hung payment calls

        long start = System.nanoTime();
        demo.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("close() time in ms")
                .isLessThan(5_000);

        assertThat(hygiene.leftoverThreads()).isEmpty();
        assertThat(Hygiene.free(jmx.getPort())).as("JMX port freed").isTrue();
        assertThat(Hygiene.free(metrics.getPort())).as("metrics port freed").isTrue();
        assertThat(output.lines()).last().asString().startsWith("stopped    shop after ");
    }
}
