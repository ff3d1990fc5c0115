package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands typed on stdin and the {@code --fault} flags: parsed and applied to the injectors,
 * mistakes answered without effect; and a scripted stdin driving a running demo.
 */
class FaultCommandsTest {

    private final Dependencies dependencies = new Dependencies();
    private final FaultCommands commands = new FaultCommands(dependencies, () -> "breakers: payments=CLOSED");

    @TempDir
    Path home;

    @Test
    void commandsSwitchFaults() {
        assertThat(commands.execute("payments outage on").text()).isEqualTo(String.format("%-16s OUTAGE", "payments"));
        assertThat(dependencies.payments().isOutage()).isTrue();
        commands.execute("  Payments   OUTAGE   off ");
        assertThat(dependencies.payments().isOutage()).isFalse();
        commands.execute("inventory errors 0.5");
        assertThat(dependencies.inventory().getErrorRate()).isEqualTo(0.5);
        commands.execute("inventory errors 30%");
        assertThat(dependencies.inventory().getErrorRate()).isEqualTo(0.3);
        commands.execute("recommendations latency 800");
        assertThat(dependencies.recommendations().getLatencyMillis()).isEqualTo(800);
        commands.execute("recommendations latency 250ms");
        assertThat(dependencies.recommendations().getLatencyMillis()).isEqualTo(250);
        commands.execute("recommendations slow 3% 300ms");
        assertThat(dependencies.recommendations().getSlowShare()).isEqualTo(0.03);
        assertThat(dependencies.recommendations().getSlowMillis()).isEqualTo(300);
        assertThat(commands.execute("recommendations slow 3%").ok()).as("the ms are needed").isFalse();
        commands.execute("payments hang on");
        assertThat(dependencies.payments().isHang()).isTrue();
        commands.execute("heal payments");
        assertThat(dependencies.payments().isHang()).isFalse();
        commands.execute("all outage");
        assertThat(dependencies.all()).allMatch(FaultInjector::isOutage);
        FaultCommands.Reply healed = commands.execute("heal all");
        assertThat(healed.ok()).isTrue();
        assertThat(dependencies.all()).allMatch(injector -> injector.getStatus().equals("healthy"));
        commands.execute("inventory latency 100");
        commands.execute("inventory heal");
        assertThat(dependencies.inventory().getLatencyMillis()).isZero();
    }

    @Test
    void statusHelpAndQuit() {
        dependencies.payments().setOutage(true);
        assertThat(commands.execute("status").text()).contains("payments", "OUTAGE", "breakers: payments=CLOSED");
        assertThat(commands.execute("help").text()).contains("outage on|off", "heal all", "quit");
        assertThat(commands.execute("quit").quit()).isTrue();
        assertThat(commands.execute("exit").quit()).isTrue();
        assertThat(commands.execute("   ").text()).isEmpty();
    }

    @Test
    void mistakesAreAnsweredAndChangeNothing() {
        assertThat(commands.execute("shipping outage on")).satisfies(reply -> {
            assertThat(reply.ok()).isFalse();
            assertThat(reply.text()).contains("unknown command or dependency 'shipping'", "inventory, payments");
        });
        assertThat(commands.execute("payments errors 1.5").text()).contains("from 0 to 1");
        assertThat(commands.execute("payments errors lots").text()).contains("not a rate");
        assertThat(commands.execute("payments latency -5").text()).contains("must be from 0");
        assertThat(commands.execute("payments outage maybe").text()).contains("on or off");
        assertThat(commands.execute("payments melt").text()).contains("unknown fault 'melt'");
        assertThat(commands.execute("payments").ok()).isFalse();
        assertThat(commands.execute("heal").ok()).isFalse();
        assertThat(dependencies.all()).allMatch(injector -> injector.getStatus().equals("healthy"));
    }

    @Test
    void faultFlagsBecomeCommands() {
        assertThat(FaultCommands.commandOfFlag("payments=outage")).isEqualTo("payments outage on");
        assertThat(FaultCommands.commandOfFlag("x=hang")).isEqualTo("x hang on");
        assertThat(FaultCommands.commandOfFlag("inventory=errors:0.3")).isEqualTo("inventory errors 0.3");
        assertThat(FaultCommands.commandOfFlag("recommendations=latency:800")).isEqualTo("recommendations latency 800");
        assertThatThrownBy(() -> FaultCommands.commandOfFlag("payments")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fault needs <dependency>=<fault>");
        assertThatThrownBy(() -> DemoOptions.parse("--fault", "payments=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoOptions.parse("--frobnicate")).hasMessageContaining("unknown option '--frobnicate'");
        assertThatThrownBy(() -> DemoOptions.parse("--jmx-port")).hasMessageContaining("--jmx-port needs a value");
        assertThat(DemoOptions.parse("--fleet").instances()).isEqualTo(3);
        assertThat(DemoOptions.parse().jmxPort()).isEqualTo(9010);
        assertThat(DemoOptions.parse().metricsPort()).isEqualTo(9464);
    }

    @Test
    void aScriptedStdinDrivesARunningDemo() throws Exception {
        Output output = new Output();
        try (ShopDemo demo = ShopDemo.start(DemoOptions.parse("--home", home.toString(), "--jmx-port", "0",
                "--metrics-port", "0", "--rate", "0", "--fault", "payments=outage", "--fault", "inventory=errors:0.3",
                "--fault", "recommendations=latency:800"), output.stream(), interval -> {
                })) {
            Dependencies faults = demo.shop().dependencies();
            assertThat(faults.payments().isOutage()).isTrue();
            assertThat(faults.inventory().getErrorRate()).isEqualTo(0.3);
            assertThat(faults.recommendations().getLatencyMillis()).isEqualTo(800);

            String script = String.join("\n", "payments outage off", "inventory errors 50%", "recommendations hang on",
                    "status", "nonsense", "help", "heal recommendations", "quit", "payments outage on") + "\n";
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try {
                    demo.serve(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            served.get(10, TimeUnit.SECONDS);

            assertThat(faults.payments().isOutage()).as("switched off, and the line after quit was not read").isFalse();
            assertThat(faults.inventory().getErrorRate()).isEqualTo(0.5);
            assertThat(faults.recommendations().getStatus()).as("healed: hang and latency gone").isEqualTo("healthy");
            output.await("  recommendations +HANG, latency \\+800 ms +calls \\d+, injected failures \\d+",
                    Duration.ofSeconds(1));
            output.await("breakers: inventory=CLOSED payments=CLOSED recommendations=CLOSED", Duration.ofSeconds(1));
            output.await("unknown command or dependency 'nonsense'.*", Duration.ofSeconds(1));
            output.await("stopping", Duration.ofSeconds(1));
        }
    }
}
