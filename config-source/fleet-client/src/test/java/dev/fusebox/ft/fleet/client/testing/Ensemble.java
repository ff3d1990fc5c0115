package dev.fusebox.ft.fleet.client.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * A real ZooKeeper ensemble of three quorum peers on loopback (Curator's {@link TestingCluster}),
 * for the fleet's failure tests: which server leads, kill it, stop and restart them all. Start it
 * with {@link #start()}; the first write succeeds about a second later (the quorum elects a leader
 * first), which {@code FleetConnection.awaitConnected} waits for. Closing it returns once the peers'
 * threads have ended, ending those ZooKeeper itself would leave waiting for ever
 * ({@link OrphanedLearnerSenders}).
 * Thread-safety: not thread-safe; one test thread.
 */
public final class Ensemble implements AutoCloseable {

    /** How long the peers' threads are given to end after the servers closed (about 3 s measured; more under load). */
    static final Duration THREADS_PATIENCE = Duration.ofSeconds(15);

    private static final List<String> PEER_THREADS = List.of("Sender-", "LearnerHandler-", "LearnerCnxAcceptor",
            "QuorumPeer", "WorkerSender", "WorkerReceiver", "RecvWorker", "SendWorker", "ListenerHandler-",
            "zkservermainrunner");

    private final TestingCluster cluster;
    private final Path directory;

    private Ensemble(TestingCluster cluster, Path directory) {
        this.cluster = cluster;
        this.directory = directory;
    }

    /**
     * Starts three peers on distinct ports outside the system's ephemeral range ({@link EnsemblePorts}),
     * their data directories in one temporary directory that {@link #close} deletes: ZooKeeper's
     * embedded server writes a {@code zookeeper.configuration*.properties} file beside a peer's data
     * directory at each start and never deletes it (Curator's own choice, {@code /tmp}, kept them all).
     */
    public static Ensemble start() throws Exception {
        List<Integer> ports = EnsemblePorts.pick(9);
        Path directory = Files.createTempDirectory("fusebox-ensemble-");
        List<InstanceSpec> peers = new ArrayList<>();
        for (int peer = 0; peer < 3; peer++) {
            File data = Files.createDirectory(directory.resolve("peer-" + (peer + 1))).toFile();
            peers.add(new InstanceSpec(data, ports.get(3 * peer), ports.get(3 * peer + 1), ports.get(3 * peer + 2),
                    true, peer + 1));
        }
        TestingCluster cluster = new TestingCluster(peers);
        cluster.start();
        return new Ensemble(cluster, directory);
    }

    public String connectString() {
        return cluster.getConnectString();
    }

    /** The connection string of one server only (pin a client to it with ensemble tracking off). */
    public String connectString(InstanceSpec server) {
        return server.getConnectString();
    }

    public List<InstanceSpec> servers() {
        return List.copyOf(cluster.getInstances());
    }

    /** The server that leads now, asked of each with ZooKeeper's {@code srvr} command; waits up to {@code wait}. */
    public InstanceSpec leader(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            for (InstanceSpec server : cluster.getInstances()) {
                if ("leader".equals(mode(server))) {
                    return server;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no ZooKeeper server says it leads after " + wait.toMillis() + " ms");
    }

    public void kill(InstanceSpec server) throws Exception {
        if (!cluster.killServer(server)) {
            throw new AssertionError("could not kill " + server.getConnectString());
        }
    }

    public void restart(InstanceSpec server) throws Exception {
        if (!cluster.restartServer(server)) {
            throw new AssertionError("could not restart " + server.getConnectString());
        }
    }

    /** Stops every server (the data stays), as a whole-ensemble outage. */
    public void stopAll() throws IOException {
        cluster.stop();
    }

    /**
     * Starts every server again after {@link #stopAll}, on the same ports and data. (Curator's
     * {@code TestingCluster.start} would not: it starts only servers that never ran.)
     */
    public void startAll() throws Exception {
        for (InstanceSpec server : cluster.getInstances()) {
            restart(server);
        }
    }

    /** {@code leader}, {@code follower}, or null when the server does not answer. */
    static String mode(InstanceSpec server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("Mode: ")) {
                    return line.substring("Mode: ".length()).trim();
                }
            }
            return null;
        } catch (IOException notAnswering) {
            return null;
        }
    }

    /**
     * Closes every server, waits (at most {@link #THREADS_PATIENCE}) for the peers' threads to end,
     * ending on the way the senders ZooKeeper orphans ({@link OrphanedLearnerSenders}), and deletes
     * the ensemble's directory; fails naming the threads still alive after that wait.
     */
    @Override
    public void close() throws IOException {
        cluster.close();
        try {
            awaitPeerThreadsEnded();
        } finally {
            deleteDirectory();
        }
    }

    private static void awaitPeerThreadsEnded() throws IOException {
        long deadline = System.nanoTime() + THREADS_PATIENCE.toNanos();
        List<String> alive = peerThreads();
        while (!alive.isEmpty() && System.nanoTime() - deadline < 0) {
            OrphanedLearnerSenders.end();
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the ensemble's threads to end: " + alive);
            }
            alive = peerThreads();
        }
        if (!alive.isEmpty()) {
            throw new IllegalStateException("ZooKeeper's peer threads still alive " + THREADS_PATIENCE.toSeconds()
                    + " s after the ensemble closed: " + alive);
        }
    }

    private void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The quorum peers' threads alive now (election, connections, leader and learner), by name and state. */
    static List<String> peerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> PEER_THREADS.stream().anyMatch(thread.getName()::startsWith))
                .map(thread -> thread.getName() + " " + thread.getState()).toList();
    }
}
