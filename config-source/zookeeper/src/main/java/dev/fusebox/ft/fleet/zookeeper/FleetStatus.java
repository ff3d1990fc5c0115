package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.management.fleet.FleetMXBean;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * What one instance knows of its fleet store, for operators: the {@link FleetMXBean} and the log
 * lines of the connection's ups and downs. The connection's state changes arrive on Curator's
 * thread, reads and refusals on the agent's; JMX reads from anywhere.
 *
 * <p>Implementation notes. Each field is volatile or atomic and written by one kind of event, so
 * a reader may see the fields of two different moments (e.g. connected, and an unreachable-since of
 * the outage before); every field is right for itself, and the status line is built from one read
 * of each. Thread-safe.
 */
final class FleetStatus implements FleetMXBean {

    private static final System.Logger LOG = System.getLogger(FleetStatus.class.getName());

    private final String application;
    private final String instanceId;
    private final String where;
    private final IntSupplier fleetForcings;
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean connected;
    private volatile long unreachableSince;
    private volatile long lastRead;
    private volatile boolean read;
    private volatile String lastProblem = "";

    FleetStatus(String application, String instanceId, String where, IntSupplier fleetForcings) {
        this.application = application;
        this.instanceId = instanceId;
        this.where = where;
        this.fleetForcings = fleetForcings;
    }

    void connected() {
        boolean wasCut = unreachableSince != 0;
        connected = true;
        if (wasCut) {
            LOG.log(System.Logger.Level.INFO, "fleet store " + where + " reachable again after "
                    + (System.currentTimeMillis() - unreachableSince) + " ms; " + application + " reads the fleet's"
                    + " forcings and overrides again");
        }
        unreachableSince = 0;
    }

    /** SUSPENDED or LOST: keeps everything, says so once per outage. */
    void unreachable(String how) {
        connected = false;
        if (unreachableSince == 0) {
            unreachableSince = System.currentTimeMillis();
            LOG.log(System.Logger.Level.WARNING, "fleet store " + where + " unreachable since "
                    + Instant.ofEpochMilli(unreachableSince) + " (" + how + "); " + application + " keeps "
                    + fleetForcings.getAsInt() + " fleet forcings and the overrides read at " + readAt());
        }
    }

    /** The fleet's forcings and overrides were read in full, or changed. */
    void read() {
        read = true;
        lastRead = System.currentTimeMillis();
    }

    /** A node refused or a write failed: logged once, counted, kept as the last problem. */
    void problem(String message) {
        refused.incrementAndGet();
        lastProblem = message;
        LOG.log(System.Logger.Level.WARNING, "fleet " + application + ", instance " + instanceId + ": " + message);
    }

    /** A failure that is not a refused node (a write, a lookup): logged and kept as the last problem. */
    void failure(String message, Throwable cause) {
        lastProblem = message + ": " + cause;
        LOG.log(System.Logger.Level.WARNING, "fleet " + application + ", instance " + instanceId + ": " + message, cause);
    }

    /** What the member node says of the store. */
    String memberStatus() {
        long since = unreachableSince;
        if (connected) {
            return read ? "connected" : "connected; not yet read from the fleet";
        }
        return since == 0 ? "connecting" : "unreachable since " + Instant.ofEpochMilli(since);
    }

    private String readAt() {
        return read ? Instant.ofEpochMilli(lastRead).toString() : "(never: not yet read from the fleet)";
    }

    @Override
    public String getStatus() {
        long since = unreachableSince;
        if (!connected && since != 0) {
            return "UNREACHABLE since " + Instant.ofEpochMilli(since) + "; keeping " + fleetForcings.getAsInt()
                    + " fleet forcings and the overrides read at " + readAt();
        }
        if (!read) {
            return (connected ? "connected to " : "connecting to ") + where + "; not yet read from the fleet";
        }
        return "connected to " + where + "; " + fleetForcings.getAsInt() + " fleet forcings in force, read at "
                + readAt();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String getInstanceId() {
        return instanceId;
    }

    @Override
    public int getFleetForcings() {
        return fleetForcings.getAsInt();
    }

    @Override
    public long getLastReadEpochMillis() {
        return lastRead;
    }

    @Override
    public long getRefusedNodes() {
        return refused.get();
    }

    @Override
    public String getLastProblem() {
        return lastProblem;
    }
}
