package dev.fusebox.samples.demo;

import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetApplication;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.FleetSnapshot;
import dev.fusebox.ft.fleet.client.FleetView;
import dev.fusebox.ft.management.fleet.FleetMember;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.ZKDatabase;

/**
 * The fleet at scale, simulated on one machine (issue 15): a ZooKeeper on 127.0.0.1, {@code jvms}
 * JVMs each running {@code perJvm} Fusebox applications ({@link FleetScaleInstances}: real Weld
 * containers with Fusebox, management and the fleet module, twenty breakers each), spread over
 * five fleet applications; then a dependency outage in which every breaker of every instance trips.
 * It reports the ZooKeeper write transactions (the server's zxid, sampled every 50 ms: per second
 * at the peak, and in all), the nodes and bytes ZooKeeper holds before and after, and how long after
 * an instance's last breaker opened the fleet view (one {@link FleetView}, what the console's fleet
 * tab reads) showed all its twenty OPEN: p50, p95, max over the instances.
 * A report tool, not a test: {@code samples/tools/measure-fleet-scale.sh [jvms] [per JVM]}.
 */
public final class FleetScale {

    private static final int APPLICATIONS = 5;

    private FleetScale() {
    }

    public static void main(String[] args) throws Exception {
        int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perJvm = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int instances = jvms * perJvm;
        Path home = Files.createTempDirectory("fusebox-fleet-scale");
        Map<String, Long> openAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        List<Process> children = new ArrayList<>();
        try (EmbeddedZooKeeper zookeeper = EmbeddedZooKeeper.start(home.resolve("zookeeper"), 0, instances + 50)) {
            long started = System.nanoTime();
            CountDownLatch ready = new CountDownLatch(jvms);
            for (int j = 0; j < jvms; j++) {
                children.add(startJvm(zookeeper.connectString(), j * perJvm, perJvm, home, j, ready, openAt));
            }
            if (!ready.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the instances did not start within 10 minutes; logs in " + home);
            }
            System.out.printf("%d instances in %d JVMs started in %.0f s%n", instances, jvms,
                    (System.nanoTime() - started) / 1e9);
            try (FleetConnection connection = FleetConnection.start(FleetAccess.open(zookeeper.connectString()));
                 FleetView view = FleetView.watch(connection, snapshot -> noteAllOpen(snapshot, seenAt))) {
                awaitRegistered(view, instances);
                ZKDatabase database = zookeeper.server().getZKDatabase();
                System.out.printf("before the outage: %d znodes, %d bytes of paths and data%n",
                        database.getNodeCount(), database.getDataTree().approximateDataSize());
                long zxidBefore = database.getDataTreeLastProcessedZxid();
                long outageAt = System.currentTimeMillis();
                for (Process child : children) {
                    send(child, "outage");
                }
                long[] zxids = sampleWrites(database, () -> seenAt.size() >= instances, Duration.ofSeconds(60));
                long writes = database.getDataTreeLastProcessedZxid() - zxidBefore;
                System.out.printf("outage: %d write transactions in all (%.1f per instance), peak %d per second%n",
                        writes, writes / (double) instances, peakPerSecond(zxids));
                System.out.printf("after the outage: %d znodes, %d bytes of paths and data%n",
                        database.getNodeCount(), database.getDataTree().approximateDataSize());
                report(instances, outageAt, openAt, seenAt);
            }
        } finally {
            for (Process child : children) {
                send(child, "quit");
            }
            for (Process child : children) {
                if (!child.waitFor(60, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /** Records when the view first shows all twenty breakers of an instance OPEN. */
    private static void noteAllOpen(FleetSnapshot snapshot, Map<String, Long> seenAt) {
        long now = System.currentTimeMillis();
        for (FleetApplication application : snapshot.applications().values()) {
            for (FleetMember member : application.members()) {
                if (!seenAt.containsKey(member.instanceId()) && member.breakers().size() == ScaleService.BREAKERS
                        && member.breakers().values().stream().allMatch(b -> b.state().equals("OPEN"))) {
                    seenAt.put(member.instanceId(), now);
                }
            }
        }
    }

    /** The zxid every 50 ms until {@code done} holds and one more second passed, or {@code limit}. */
    private static long[] sampleWrites(ZKDatabase database, java.util.function.BooleanSupplier done, Duration limit)
            throws InterruptedException {
        List<Long> samples = new ArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        long doneAt = 0;
        while (System.nanoTime() < deadline) {
            samples.add(database.getDataTreeLastProcessedZxid());
            if (doneAt == 0 && done.getAsBoolean()) {
                doneAt = System.nanoTime();
            }
            if (doneAt != 0 && System.nanoTime() - doneAt > TimeUnit.SECONDS.toNanos(1)) {
                break;
            }
            Thread.sleep(50);
        }
        return samples.stream().mapToLong(Long::longValue).toArray();
    }

    /** The most writes in any 20 consecutive 50 ms samples (one second). */
    static long peakPerSecond(long[] zxids) {
        long peak = 0;
        for (int i = 0; i < zxids.length; i++) {
            int end = Math.min(zxids.length - 1, i + 20);
            peak = Math.max(peak, zxids[end] - zxids[i]);
        }
        return peak;
    }

    private static void report(int instances, long outageAt, Map<String, Long> openAt, Map<String, Long> seenAt) {
        long[] latency = openAt.entrySet().stream().filter(e -> seenAt.containsKey(e.getKey()))
                .mapToLong(e -> seenAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        long lastOpen = openAt.values().stream().mapToLong(Long::longValue).max().orElse(outageAt);
        long lastSeen = seenAt.values().stream().mapToLong(Long::longValue).max().orElse(outageAt);
        System.out.printf("instances whose breakers all opened: %d of %d, within %d ms of the outage's start%n",
                openAt.size(), instances, lastOpen - outageAt);
        System.out.printf("fleet view: %d of %d instances shown all OPEN, the last %d ms after the outage's start%n",
                seenAt.size(), instances, lastSeen - outageAt);
        if (latency.length > 0) {
            System.out.printf("fleet view latency (an instance's last breaker opened -> the view shows its twenty OPEN):"
                    + " p50 %d ms, p95 %d ms, max %d ms%n", FleetConvergence.percentile(latency, 50),
                    FleetConvergence.percentile(latency, 95), latency[latency.length - 1]);
        }
    }

    private static void awaitRegistered(FleetView view, int instances) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (registered(view.snapshot()) < instances) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + registered(view.snapshot()) + " of " + instances
                        + " instances registered");
            }
            Thread.sleep(200);
        }
    }

    private static int registered(FleetSnapshot snapshot) {
        return snapshot.applications().values().stream().mapToInt(a -> (int) a.members().stream()
                .filter(m -> m.breakers().size() == ScaleService.BREAKERS).count()).sum();
    }

    private static Process startJvm(String zookeeper, int first, int count, Path home, int number, CountDownLatch ready,
                                    Map<String, Long> openAt) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                "-cp", System.getProperty("java.class.path"), FleetScaleInstances.class.getName(),
                zookeeper, Integer.toString(first), Integer.toString(count), Integer.toString(APPLICATIONS));
        Process process = new ProcessBuilder(command).redirectError(home.resolve("jvm-" + number + ".log").toFile())
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] words = line.split(" ");
                    if (words[0].equals("ready")) {
                        ready.countDown();
                    } else if (words[0].equals("open") && words.length == 3) {
                        openAt.put(words[1], Long.parseLong(words[2]));
                    }
                }
            } catch (IOException e) {
                System.out.println("JVM " + number + ": output lost: " + e);
            }
        }, "fleet-scale-jvm-" + number);
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void send(Process child, String line) {
        try {
            OutputStream in = child.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException gone) {
            // it has ended already
        }
    }
}
