package dev.fusebox.samples.demo;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A single ZooKeeper server inside the demo's JVM, for {@code --fleet} when no ensemble is given:
 * ZooKeeper's own server classes (the {@code zookeeper} jar the fleet module already brings), bound
 * to the loopback address only, its data under the demo's home so forcings outlive a restart as
 * they would in a real ensemble. A demo convenience, not a production set-up: one server is no
 * quorum (docs/fleet.md says how to run a real ensemble).
 * Start and close from one thread.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

    private static final int TICK_MILLIS = 500;
    private static final int MAX_CLIENT_CONNECTIONS = 200;

    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;
    private final Path dataDir;

    private EmbeddedZooKeeper(ZooKeeperServer server, ServerCnxnFactory connections, Path dataDir) {
        this.server = server;
        this.connections = connections;
        this.dataDir = dataDir;
    }

    /**
     * The server a demo's first shop starts for its fleet ({@code <home>/zookeeper}, the
     * {@code --zookeeper-port}), or null when it needs none: no fleet, an ensemble given, or a
     * fleet member (which uses the first shop's).
     *
     * @throws IllegalStateException when it cannot start, saying which flags choose another way
     */
    static EmbeddedZooKeeper forFleetOf(DemoOptions options) {
        if (!options.fleetOnZooKeeper() || options.zookeeper() != null || options.child()) {
            return null;
        }
        try {
            return start(options.home().resolve("zookeeper"), options.zookeeperPort());
        } catch (IOException e) {
            throw new IllegalStateException("the fleet's ZooKeeper could not start (give --zookeeper-port 0 for a"
                    + " free port, or --zookeeper for an ensemble): " + e.getMessage(), e);
        }
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param dataDir where it keeps its snapshots and transaction log (created when missing)
     * @param port    the client port, 0 for a free one
     * @throws IOException when the port is taken or the directory cannot be used; the message says which
     */
    static EmbeddedZooKeeper start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, MAX_CLIENT_CONNECTIONS);
    }

    /** As {@link #start(Path, int)}, taking up to {@code maxConnections} clients from one address (the scale simulation's hundreds). */
    static EmbeddedZooKeeper start(Path dataDir, int port, int maxConnections) throws IOException {
        Files.createDirectories(dataDir);
        File data = dataDir.toFile();
        ZooKeeperServer server = new ZooKeeperServer(data, data, TICK_MILLIS);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        ServerCnxnFactory connections = ServerCnxnFactory.createFactory(address, maxConnections);
        boolean started = false;
        try {
            connections.startup(server);
            started = true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting ZooKeeper on " + address, interrupted);
        } catch (IOException | RuntimeException failed) {
            throw new IOException("could not start ZooKeeper on " + address + ": " + failed.getMessage(), failed);
        } finally {
            if (!started) {
                // its threads are not daemons: a half-started server would keep the JVM alive
                connections.shutdown();
                server.shutdown();
            }
        }
        return new EmbeddedZooKeeper(server, connections, dataDir);
    }

    /** Where it keeps its snapshots and transaction log. */
    Path dataDir() {
        return dataDir;
    }

    /** The server, for the scale simulation's counts (write transactions, nodes, bytes). */
    ZooKeeperServer server() {
        return server;
    }

    /** {@code 127.0.0.1:<port>}, the connection string for instances and the console. */
    String connectString() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + connections.getLocalPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
    }
}
