package dev.fusebox.samples.demo;

import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetActionResult;
import dev.fusebox.ft.fleet.client.FleetApplication;
import dev.fusebox.ft.fleet.client.FleetApplied;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.FleetOperator;
import dev.fusebox.ft.fleet.client.FleetView;
import dev.fusebox.ft.management.fleet.FleetAck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures how fast a fleet-wide force converges (issue 15): starts a ZooKeeper on 127.0.0.1 and N
 * shop JVMs (no load, small heaps) registered in it, then forces the payments breaker open on the
 * whole fleet and releases it, {@code forces} times. For each force it takes the time from just
 * before the write to the last instance's acknowledgement: an instance writes it after its breaker
 * is forced, when it rejects calls (one host, one clock). Prints p50, p90, p99 and the maximum, and
 * apart from them the first force after the shops started (each JVM loads that path's classes then).
 * A report tool, not a test: {@code samples/tools/measure-fleet-convergence.sh [instances] [forces]}.
 */
public final class FleetConvergence {

    private static final String APPLICATION = "convergence";
    private static final String PAYMENTS = PaymentsClient.class.getName() + "#charge";

    private FleetConvergence() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int forces = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        if (instances < 1 || instances > 100 || forces < 1 || forces > 1000) {
            throw new IllegalArgumentException("instances 1 to 100, forces 1 to 1000");
        }
        Path home = Files.createTempDirectory("fusebox-convergence");
        List<Process> shops = new ArrayList<>();
        try (EmbeddedZooKeeper zookeeper = EmbeddedZooKeeper.start(home.resolve("zookeeper"), 0)) {
            long started = System.nanoTime();
            for (int i = 1; i <= instances; i++) {
                shops.add(startShop(zookeeper.connectString(), home, i));
            }
            try (FleetConnection connection = FleetConnection.start(FleetAccess.open(zookeeper.connectString()));
                 FleetView view = FleetView.watch(connection, snapshot -> {
                 })) {
                awaitMembers(view, instances, Duration.ofMinutes(5));
                System.out.printf("%d shops registered in %.1f s%n", instances, (System.nanoTime() - started) / 1e9);
                FleetOperator operator = new FleetOperator(connection, "measure");
                // the first action in each fresh JVM loads the classes of the whole path (the fleet agent's,
                // the engine's forcing, the audit's logging and JFR event): reported apart, not in the figures
                long first = converge(operator, instances);
                release(operator);
                System.out.printf("first force after the shops started (cold): %d ms%n", first);
                long[] millis = new long[forces];
                for (int i = 0; i < forces; i++) {
                    millis[i] = converge(operator, instances);
                    release(operator);
                }
                report(instances, millis);
            }
        } finally {
            for (Process shop : shops) {
                try (OutputStream in = shop.getOutputStream()) {
                    in.write("quit\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException gone) {
                    // it has stopped already
                }
            }
            for (Process shop : shops) {
                if (!shop.waitFor(30, TimeUnit.SECONDS)) {
                    shop.destroyForcibly();
                }
            }
        }
    }

    /** One force: milliseconds from just before the write to the last instance's acknowledgement. */
    private static long converge(FleetOperator operator, int instances) throws InterruptedException {
        long before = System.currentTimeMillis();
        FleetActionResult forced = operator.forceOpen(APPLICATION, PAYMENTS, "convergence measurement", null);
        if (!forced.committed()) {
            throw new IllegalStateException("force not committed: " + forced.message());
        }
        FleetApplied applied = operator.awaitApplied(APPLICATION, forced.actionId(), Duration.ofSeconds(30));
        if (!applied.everywhere() || applied.members() != instances) {
            throw new IllegalStateException("not applied everywhere: " + applied.summary());
        }
        return applied.acks().stream().mapToLong(FleetAck::atEpochMillis).max().orElseThrow() - before;
    }

    private static void release(FleetOperator operator) throws InterruptedException {
        FleetActionResult released = operator.release(APPLICATION, PAYMENTS, "convergence measurement");
        FleetApplied applied = operator.awaitApplied(APPLICATION, released.actionId(), Duration.ofSeconds(30));
        if (!applied.everywhere()) {
            throw new IllegalStateException("release not applied everywhere: " + applied.summary());
        }
    }

    private static void report(int instances, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("fleet-wide force, %d instances, %d forces: write -> every instance forced (ms):"
                        + " p50 %d, p90 %d, p99 %d, max %d, min %d%n", instances, sorted.length,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1],
                sorted[0]);
        System.out.println("all (ms, in order): " + Arrays.toString(millis));
    }

    /** The nearest-rank percentile. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Process startShop(String zookeeper, Path home, int number) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                "-cp", System.getProperty("java.class.path"), ShopDemo.class.getName(),
                "--child", "--application", APPLICATION + "-" + number, "--fleet-application", APPLICATION,
                "--zookeeper", zookeeper, "--home", home.resolve("shop-" + number).toString(),
                "--jmx-port", "0", "--metrics-port", "0", "--rate", "0", "--summary-file", "-"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("shop-" + number + ".log").toFile()).start();
    }

    private static void awaitMembers(FleetView view, int count, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FleetApplication application = view.snapshot().applications().get(APPLICATION);
            int members = application == null ? 0 : application.members().size();
            if (members >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + members + " of " + count + " shops registered");
            }
            Thread.sleep(200);
        }
    }
}
