package dev.fusebox.ft.fleet.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * A real ZooKeeper ensemble of three quorum peers on loopback (Curator's {@link TestingCluster}),
 * for the fleet's failure tests: which server leads, kill it, stop and restart them all. Start it
 * with {@link #start()}; the first write succeeds about a second later (the quorum elects a leader
 * first), which {@code FleetConnection.awaitConnected} waits for. Closing it leaves a few election
 * threads that die within about three seconds.
 * Thread-safety: not thread-safe; one test thread.
 */
public final class Ensemble implements AutoCloseable {

    private final TestingCluster cluster;

    private Ensemble(TestingCluster cluster) {
        this.cluster = cluster;
    }

    public static Ensemble start() throws Exception {
        TestingCluster cluster = new TestingCluster(3);
        cluster.start();
        return new Ensemble(cluster);
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

    @Override
    public void close() throws IOException {
        cluster.close();
        awaitPeerThreadsGone(Duration.ofSeconds(15));
    }

    /**
     * Closing the cluster leaves the peers' election and connection threads ending in the background
     * (about 3 s measured; longer on a loaded machine, and after a peer was killed and restarted):
     * wait for them, so a test class's thread check sees only what Fusebox left.
     */
    private static void awaitPeerThreadsGone(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(Ensemble::isPeerThread)
                && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isPeerThread(Thread thread) {
        String name = thread.getName();
        return thread.isAlive() && (name.startsWith("Sender-") || name.startsWith("WorkerSender")
                || name.startsWith("WorkerReceiver") || name.startsWith("QuorumPeer") || name.startsWith("LearnerHandler")
                || name.startsWith("RecvWorker") || name.startsWith("SendWorker"));
    }
}
