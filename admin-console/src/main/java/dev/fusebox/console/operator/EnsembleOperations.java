package dev.fusebox.console.operator;

import dev.fusebox.console.feed.EnsembleAuditLine;
import dev.fusebox.console.feed.EnsembleSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the fleet screen may ask of a fleet's ZooKeeper ensemble: connect to it with a profile
 * (which replaces any earlier connection), follow what is registered there, act fleet-wide with one
 * write per action, and read the fleet's audit. Served by the connection layer over the fleet
 * client ({@code FleetView}, {@code FleetOperator}); called by the view-models.
 *
 * <p>Thread-safety: implementations are thread-safe and return at once; the work runs on their own
 * threads, and snapshots and futures complete there, never on the caller's thread.
 */
public interface EnsembleOperations {

    /**
     * Starts connecting; from then on {@code snapshots} receives what is registered, coalesced, on a
     * thread of the implementation (a refused login or an unreachable ensemble comes as a snapshot
     * that says so).
     */
    void connect(EnsembleProfile profile, char[] password, boolean saveProfile, Consumer<EnsembleSnapshot> snapshots);

    /** Closes the connection, if any; no snapshot follows. */
    void disconnect();

    /** Saved profiles, or none when they cannot be read. */
    List<EnsembleProfile> savedProfiles();

    /**
     * Does {@code action} fleet-wide (one write: the action and its audit entry), then waits a few
     * seconds for the registered instances to acknowledge it. Never completes exceptionally: a failure
     * is an outcome that says what happened.
     */
    CompletableFuture<EnsembleOutcome> act(EnsembleAction action);

    /** The newest audit entries of every application, with their acknowledgements, oldest first. */
    CompletableFuture<List<EnsembleAuditLine>> audit(int newestPerApplication);
}
