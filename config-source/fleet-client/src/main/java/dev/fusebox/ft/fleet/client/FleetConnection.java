package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.RetryPolicy;
import org.apache.curator.RetrySleeper;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

/**
 * One Curator client of a fleet's ensemble, logged in and giving the fleet's ACLs to what it
 * creates. Curator reconnects by itself and keeps watches across reconnections; an operation that
 * finds no connection retries with an exponential back-off (100 ms to 1 s between attempts, each
 * attempt waiting up to the connection timeout) for at most the session timeout (long enough to
 * wait out a leader election, about 1 to 1.5 s), then fails with ZooKeeper's
 * {@code ConnectionLossException}, whose outcome is unknown (see {@code FleetTransaction} for how
 * a write is read back).
 * Thread-safety: thread-safe (Curator's client is).
 */
public final class FleetConnection implements AutoCloseable {

    private final FleetAccess access;
    private final CuratorFramework curator;

    private FleetConnection(FleetAccess access, boolean followEnsembleChanges) {
        this.access = access;
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(access.connectString())
                .sessionTimeoutMs((int) access.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) access.connectionTimeout().toMillis())
                .retryPolicy(retryFor(access.sessionTimeout()))
                .aclProvider(access.acl())
                .ensembleTracker(followEnsembleChanges);
        if (access.user() != null) {
            builder.authorization("digest", (access.user() + ":" + access.password()).getBytes(StandardCharsets.UTF_8));
        }
        this.curator = builder.build();
    }

    /** Exponential back-off from 100 ms to 1 s between attempts, given up once {@code giveUpAfter} has passed. */
    private static RetryPolicy retryFor(Duration giveUpAfter) {
        long limit = giveUpAfter.toMillis();
        return new BoundedExponentialBackoffRetry(100, 1000, 29) {
            @Override
            public boolean allowRetry(int retryCount, long elapsedTimeMs, RetrySleeper sleeper) {
                return elapsedTimeMs < limit && super.allowRetry(retryCount, elapsedTimeMs, sleeper);
            }
        };
    }

    /** Starts a client (it connects in the background). */
    public static FleetConnection start(FleetAccess access) {
        return start(access, true);
    }

    /**
     * @param followEnsembleChanges false pins the client to the servers of the connection string
     *                              (Curator otherwise follows the ensemble's dynamic configuration);
     *                              tests that cut one client off need false
     */
    public static FleetConnection start(FleetAccess access, boolean followEnsembleChanges) {
        FleetConnection connection = new FleetConnection(access, followEnsembleChanges);
        connection.curator.start();
        return connection;
    }

    /** Waits for the first connection; false when none came within {@code wait}. */
    public boolean awaitConnected(Duration wait) throws InterruptedException {
        return curator.blockUntilConnected((int) Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    public boolean connected() {
        return curator.getZookeeperClient().isConnected();
    }

    public CuratorFramework curator() {
        return curator;
    }

    public FleetLayout layout() {
        return access.layout();
    }

    public FleetAccess access() {
        return access;
    }

    @Override
    public void close() {
        curator.close();
    }

    @Override
    public String toString() {
        return access.toString();
    }
}
