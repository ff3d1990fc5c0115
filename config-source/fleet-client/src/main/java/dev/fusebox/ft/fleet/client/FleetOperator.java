package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.fleet.client.FleetActionResult.Outcome;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetOverridesAction;
import dev.fusebox.ft.management.fleet.FleetRelease;
import dev.fusebox.ft.management.fleet.FleetReset;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * An operator's fleet-wide actions on one ensemble: force a breaker or group open or closed,
 * release it, reset it, change parameter overrides. Each action is ONE ZooKeeper transaction that
 * writes the action's node, its audit entry and the parent of its acknowledgements together (see
 * {@link FleetTransaction} for the outcomes, including the read-back after a lost answer); then
 * {@link #awaitApplied} counts the instances' acknowledgements. After each committed action the
 * application's audit is trimmed to its newest {@value #AUDIT_KEPT} entries.
 * Names (application, target) are raw names; the layout encodes them.
 * Thread-safety: thread-safe (no mutable state; Curator's client is thread-safe).
 */
public final class FleetOperator {

    /** How many audit entries (with their acknowledgements) each application keeps. */
    public static final int AUDIT_KEPT = 1000;
    /** The longest forcing taken: a year (a forcing meant to last longer is released by hand). */
    public static final Duration MAX_EXPIRY = Duration.ofDays(366);

    private final FleetConnection connection;
    private final CuratorFramework curator;
    private final FleetLayout layout;
    private final String operator;
    private final FleetTransaction transaction;
    private final FleetOverridesEdit overrides;
    private final int auditKept;
    private final Clock clock;

    /**
     * @param connection the ensemble, logged in as the operator
     * @param operator   who acts, as audit entries and forcings name them: 1 to 128 letters, digits or {@code ._@:$+-/}
     */
    public FleetOperator(FleetConnection connection, String operator) {
        this(connection, operator, AUDIT_KEPT, Clock.systemUTC());
    }

    /** As the public constructor, keeping {@code auditKept} audit entries per application (tests keep few). */
    FleetOperator(FleetConnection connection, String operator, int auditKept, Clock clock) {
        try {
            new FleetReset("check", operator, "", 0);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("a fleet operator's name must be 1 to 128 letters, digits or ._@:$+-/,"
                    + " but is '" + operator + "'", invalid);
        }
        if (auditKept < 1) {
            throw new IllegalArgumentException("the fleet audit must keep at least one entry, not " + auditKept);
        }
        this.connection = connection;
        this.curator = connection.curator();
        this.layout = connection.layout();
        this.operator = operator;
        this.transaction = new FleetTransaction(connection);
        this.overrides = new FleetOverridesEdit(curator, layout);
        this.auditKept = auditKept;
        this.clock = clock;
    }

    /** Forces {@code target} (a breaker or {@code group:<name>}) open on every instance; {@code expiry} null: until released. */
    public FleetActionResult forceOpen(String application, String target, String reason, Duration expiry) {
        return force(application, target, "OPEN", FleetAuditEntry.FORCE_OPEN, reason, expiry);
    }

    /** Forces {@code target} closed on every instance; {@code expiry} null: until released. */
    public FleetActionResult forceClosed(String application, String target, String reason, Duration expiry) {
        return force(application, target, "CLOSED", FleetAuditEntry.FORCE_CLOSED, reason, expiry);
    }

    private FleetActionResult force(String application, String target, String state, String kind, String reason,
                                    Duration expiry) {
        String path = layout.forced(application, target);
        if (expiry != null && (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0)) {
            throw new IllegalArgumentException("a fleet forcing's expiry must be positive and at most " + MAX_EXPIRY
                    + ", or none (until released), but is " + expiry);
        }
        String actionId = newActionId();
        long now = clock.millis();
        long until = expiry == null ? 0 : now + expiry.toMillis();
        FleetForcing forcing = new FleetForcing(actionId, state, operator, reason, now, until);
        FleetAuditEntry entry = new FleetAuditEntry(actionId, kind, target, operator, reason, now, until, "");
        return write(application, entry, kind + " of " + target + " in " + application, () -> {
            Stat stat = curator.checkExists().forPath(path);
            CuratorOp op = stat == null ? curator.transactionOp().create().forPath(path, forcing.toBytes())
                    : curator.transactionOp().setData().withVersion(stat.getVersion()).forPath(path, forcing.toBytes());
            return List.of(op);
        });
    }

    /**
     * Deletes the fleet's forcing of {@code target}: instances where it is still in force release it.
     * The same transaction writes the target's {@link FleetRelease} node, which tells the instances
     * which action released which forcing (a deleted node carries no data).
     */
    public FleetActionResult release(String application, String target, String reason) {
        String path = layout.forced(application, target);
        String releasedPath = layout.released(application, target);
        String actionId = newActionId();
        long now = clock.millis();
        FleetAuditEntry entry = new FleetAuditEntry(actionId, FleetAuditEntry.RELEASE, target, operator, reason, now, 0,
                "");
        return write(application, entry, "release of " + target + " in " + application, () -> {
            Stat stat = new Stat();
            FleetForcing forcing;
            try {
                forcing = FleetForcing.parse(curator.getData().storingStatIn(stat).forPath(path), target);
            } catch (KeeperException.NoNodeException none) {
                throw new FleetTransaction.NothingToDo(target + " is not forced fleet-wide in " + application);
            } catch (IllegalArgumentException corrupt) {
                // a node instances refused: deleting it is still a release (none of them applied it)
                forcing = null;
            }
            byte[] release = new FleetRelease(actionId, operator, reason, now,
                    forcing == null ? "unreadable" : forcing.actionId()).toBytes();
            Stat released = curator.checkExists().forPath(releasedPath);
            return List.of(curator.transactionOp().delete().withVersion(stat.getVersion()).forPath(path),
                    released == null ? curator.transactionOp().create().forPath(releasedPath, release)
                            : curator.transactionOp().setData().withVersion(released.getVersion())
                            .forPath(releasedPath, release));
        });
    }

    /** Resets {@code target} on every running instance (where it is not forced). */
    public FleetActionResult reset(String application, String target, String reason) {
        String path = layout.resets(application, target);
        String actionId = newActionId();
        long now = clock.millis();
        FleetReset reset = new FleetReset(actionId, operator, reason, now);
        FleetAuditEntry entry = new FleetAuditEntry(actionId, FleetAuditEntry.RESET, target, operator, reason, now, 0,
                "");
        return write(application, entry, "reset of " + target + " in " + application, () -> {
            Stat stat = curator.checkExists().forPath(path);
            return List.of(stat == null ? curator.transactionOp().create().forPath(path, reset.toBytes())
                    : curator.transactionOp().setData().withVersion(stat.getVersion()).forPath(path, reset.toBytes()));
        });
    }

    /**
     * Sets and removes fleet-wide parameter overrides (overrides-file keys, e.g.
     * {@code com.acme.Payments/charge/CircuitBreaker/failureRatio}) in the application's one overrides
     * node, with a version check: a concurrent change is read again and merged, never lost.
     * Instances validate the values; one they refuse shows in its acknowledgement.
     */
    public FleetActionResult configure(String application, Map<String, String> set, Collection<String> remove,
                                       String reason) {
        FleetOverridesEdit.Change change = FleetOverridesEdit.change(set, remove);
        String actionId = newActionId();
        FleetAuditEntry entry = new FleetAuditEntry(actionId, FleetAuditEntry.CONFIGURE, change.target(), operator,
                reason, clock.millis(), 0, change.detail());
        return write(application, entry, "configure " + change.target() + " in " + application,
                () -> List.of(overrides.operation(application, change, new FleetOverridesAction(actionId, operator))));
    }

    private FleetActionResult write(String application, FleetAuditEntry entry, String what,
                                    FleetTransaction.Operations operations) {
        FleetActionResult result = transaction.commit(application, entry, what, operations);
        if (result.outcome() == Outcome.COMMITTED) {
            FleetAuditTrail.trim(curator, layout, application, auditKept);
        }
        return result;
    }

    /**
     * Reads back whether an action committed (e.g. one whose result was UNKNOWN): COMMITTED, FAILED,
     * or UNKNOWN again while the ensemble does not answer. Asked through the leader.
     */
    public FleetActionResult outcome(String application, String actionId) {
        return transaction.outcome(application, actionId);
    }

    /**
     * Waits up to {@code wait} until every instance registered now has acknowledged the action, then
     * says how far it got (who is missing, who refused and why).
     *
     * @throws IllegalArgumentException when the action does not exist (never committed, or trimmed from the audit)
     */
    public FleetApplied awaitApplied(String application, String actionId, Duration wait) throws InterruptedException {
        return new FleetAcknowledgements(curator, layout).await(application, actionId, wait);
    }

    /** The newest {@code newest} audit entries (1 to {@value #AUDIT_KEPT}) with their acknowledgements, oldest first. */
    public List<FleetAuditRecord> audit(String application, int newest) {
        if (newest < 1 || newest > AUDIT_KEPT) {
            throw new IllegalArgumentException("ask for 1 to " + AUDIT_KEPT + " audit entries, not " + newest);
        }
        FleetLayout.node(application);
        try {
            return FleetAuditTrail.read(curator, layout, application, newest);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the fleet audit of " + application, interrupted);
        } catch (Exception failed) {
            throw new IllegalStateException("could not read the fleet audit of " + application + " from " + connection
                    + ": " + failed, failed);
        }
    }

    /**
     * Checks, without changing anything, that this login may write the application's actions: a
     * transaction creates a node where each action writes and then fails on purpose, so ZooKeeper
     * checks the permissions and rolls it back. (Creates the application's empty parents when missing.)
     *
     * @throws FleetAccessException  for a viewer's or an instance's login, or a wrong password
     * @throws IllegalStateException when the ensemble does not answer
     */
    public void checkCanWrite(String application) {
        new FleetWriteProbe(connection, transaction).check(application);
    }

    public String operator() {
        return operator;
    }

    private static String newActionId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String toString() {
        return "fleet operator " + operator + " on " + connection;
    }
}
