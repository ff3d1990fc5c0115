package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.fleet.client.FleetActionResult.Outcome;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;

/**
 * Writes one operator action as ONE ZooKeeper multi-transaction: the action's own operations, its
 * audit entry (persistent sequential) and the empty parent of its acknowledgements
 * ({@code acks/<app>/<action id>}). ZooKeeper applies a multi whole or not at all, so the parent of
 * the acknowledgements exists exactly when the action committed: that is what {@link #outcome} reads
 * back when the write's own answer was lost.
 * <p>
 * Outcomes: the transaction's answer decides COMMITTED; a conflict (the node changed between
 * reading and writing it, e.g. another operator) is retried with fresh operations, at most
 * {@value #ATTEMPTS} times, then FAILED; {@code NoAuth} is a {@link FleetAccessException}. A lost
 * connection, an expired session or a timeout while the write is prepared (reads, parents) is
 * FAILED: the transaction was not sent. Once it is sent they leave the outcome open: after waiting
 * up to the connection timeout for the ensemble, a read-back through the leader (a multi with one
 * check, so no stale follower answers it) decides COMMITTED or FAILED, and when the ensemble still
 * does not answer the result is UNKNOWN, never done. A conflict on a transaction already sent is
 * read back first too: Curator re-sends a transaction whose answer was lost, and when the first one
 * had committed the second fails whole on the acknowledgements' parent, which is a commit.
 * Before the transaction the parents it needs are created if missing (idempotent, empty nodes; a
 * multi cannot create parents).
 * Thread-safety: thread-safe (stateless over a thread-safe Curator client).
 */
final class FleetTransaction {

    /** The action's own operations, built again for each attempt from what the store holds then. */
    interface Operations {
        List<CuratorOp> build() throws Exception;
    }

    /** Thrown by {@link Operations#build} when there is nothing to write (e.g. releasing what is not forced). */
    static final class NothingToDo extends Exception {
        private static final long serialVersionUID = 1L;

        NothingToDo(String message) {
            super(message, null, false, false);
        }
    }

    static final int ATTEMPTS = 3;

    private final FleetConnection connection;
    private final CuratorFramework curator;
    private final FleetLayout layout;

    FleetTransaction(FleetConnection connection) {
        this.connection = connection;
        this.curator = connection.curator();
        this.layout = connection.layout();
    }

    FleetActionResult commit(String application, FleetAuditEntry entry, String what, Operations operations) {
        String actionId = entry.actionId();
        String entryPrefix = layout.auditEntryPrefix(application);
        String lastConflict = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<CuratorOp> ops = new ArrayList<>();
            boolean sent = false;
            try {
                ensureParents(application);
                ops.addAll(operations.build());
                ops.add(curator.transactionOp().create().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                        .forPath(entryPrefix, entry.toBytes()));
                ops.add(curator.transactionOp().create().forPath(layout.acks(application, actionId)));
                sent = true;
                List<CuratorTransactionResult> results = curator.transaction().forOperations(ops);
                String entryName = entryName(results, entryPrefix);
                return new FleetActionResult(actionId, Outcome.COMMITTED, entryName,
                        what + ": committed as audit " + entryName + " (action " + actionId + ")");
            } catch (NothingToDo nothing) {
                return failed(actionId, what, nothing.getMessage());
            } catch (KeeperException.NoAuthException | KeeperException.AuthFailedException refused) {
                throw refused(application, refused, failedPath(refused, ops));
            } catch (KeeperException.NodeExistsException | KeeperException.NoNodeException
                     | KeeperException.BadVersionException conflict) {
                // Curator re-sends a transaction whose answer was lost: if the first one committed, the
                // second finds its acknowledgements' parent and fails whole; that is a commit, not a conflict
                FleetActionResult earlier = sent ? outcome(application, actionId) : null;
                if (earlier != null && earlier.outcome() == Outcome.COMMITTED) {
                    return new FleetActionResult(actionId, Outcome.COMMITTED, earlier.auditEntry(), what
                            + ": committed as audit " + earlier.auditEntry() + " (action " + actionId
                            + "; its first answer was lost, the read-back found it)");
                }
                if (earlier != null && earlier.outcome() == Outcome.UNKNOWN) {
                    return new FleetActionResult(actionId, Outcome.UNKNOWN, "", what + ": " + conflict.getMessage()
                            + " after a lost answer, and " + earlier.message());
                }
                lastConflict = conflict.getMessage();
            } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException
                     | KeeperException.OperationTimeoutException lost) {
                if (!sent) {
                    return failed(actionId, what, "the ensemble did not answer while the write was prepared ("
                            + lost.getMessage() + ")");
                }
                return readBack(application, actionId, what, lost);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                if (!sent) {
                    return failed(actionId, what, "interrupted while the write was prepared");
                }
                return new FleetActionResult(actionId, Outcome.UNKNOWN, "", what + ": interrupted while writing;"
                        + " whether it committed is UNKNOWN: ask FleetOperator.outcome for action " + actionId);
            } catch (KeeperException refused) {
                return failed(actionId, what, "the ensemble refused it: " + refused.getMessage());
            } catch (Exception failed) {
                if (!sent) {
                    return failed(actionId, what, failed.toString());
                }
                return new FleetActionResult(actionId, Outcome.UNKNOWN, "", what + ": the transaction ended with "
                        + failed + "; whether it committed is UNKNOWN: ask FleetOperator.outcome for action "
                        + actionId);
            }
        }
        return failed(actionId, what, "the node changed under each of " + ATTEMPTS
                + " attempts (another operator at work?); last: " + lastConflict);
    }

    private static FleetActionResult failed(String actionId, String what, String why) {
        return new FleetActionResult(actionId, Outcome.FAILED, "", what + ": nothing written: " + why);
    }

    /** Waits for the ensemble (up to the connection timeout) and reads back whether the action committed. */
    private FleetActionResult readBack(String application, String actionId, String what, Exception lost) {
        Duration wait = connection.access().connectionTimeout();
        String unknown = what + ": the ensemble's answer was lost (" + lost.getMessage() + ") and ";
        try {
            if (!connection.awaitConnected(wait)) {
                return new FleetActionResult(actionId, Outcome.UNKNOWN, "", unknown + "it did not answer again within "
                        + wait.toMillis() + " ms: whether the action committed is UNKNOWN; ask FleetOperator.outcome"
                        + " for action " + actionId + " when the ensemble is back");
            }
            FleetActionResult decided = outcome(application, actionId);
            return new FleetActionResult(actionId, decided.outcome(), decided.auditEntry(),
                    what + ": the answer was lost (" + lost.getMessage() + "); read back: " + decided.message());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new FleetActionResult(actionId, Outcome.UNKNOWN, "", unknown + "the read-back was interrupted");
        }
    }

    /**
     * Whether an action committed, asked through the leader: COMMITTED (with its audit entry), FAILED
     * (no such action), or UNKNOWN when the ensemble does not answer.
     */
    FleetActionResult outcome(String application, String actionId) {
        String acks = layout.acks(application, actionId);
        try {
            curator.transaction().forOperations(curator.transactionOp().check().forPath(acks));
            String entry = FleetAuditTrail.entryOf(curator, layout, application, actionId);
            return new FleetActionResult(actionId, Outcome.COMMITTED, entry, "action " + actionId + " committed"
                    + (entry.isEmpty() ? " (its audit entry is no longer kept)" : " as audit " + entry));
        } catch (KeeperException.NoNodeException absent) {
            return new FleetActionResult(actionId, Outcome.FAILED, "", "action " + actionId + " did not commit:"
                    + " nothing was written");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new FleetActionResult(actionId, Outcome.UNKNOWN, "", "interrupted while reading back action "
                    + actionId);
        } catch (Exception unanswered) {
            return new FleetActionResult(actionId, Outcome.UNKNOWN, "", "the ensemble did not answer whether action "
                    + actionId + " committed (" + unanswered.getMessage() + "); ask again when it is back");
        }
    }

    /** Creates the parents an action's transaction needs, where missing. */
    void ensureParents(String application) throws Exception {
        for (String parent : List.of(layout.forced(application), layout.resets(application),
                layout.released(application), layout.audit(application), acksOf(layout, application))) {
            if (curator.checkExists().forPath(parent) == null) {
                try {
                    curator.create().creatingParentsIfNeeded().forPath(parent);
                } catch (KeeperException.NodeExistsException raced) {
                    // another client created it meanwhile: what we wanted
                }
            }
        }
    }

    FleetAccessException refused(String application, KeeperException refused, String path) {
        FleetAccess access = connection.access();
        String who = access.user() == null ? "an anonymous client" : "the login '" + access.user() + "'";
        return new FleetAccessException(who + " may not write the fleet's actions for " + application + " at "
                + access.connectString() + layout.root() + ": ZooKeeper answered NoAuth for " + path
                + " (the login of a viewer or an instance, or a wrong password)", refused);
    }

    /** The path of the operation a refused multi failed on, else the exception's own. */
    static String failedPath(KeeperException refused, List<CuratorOp> ops) {
        List<OpResult> results = refused.getResults();
        if (results != null) {
            for (int i = 0; i < results.size() && i < ops.size(); i++) {
                if (results.get(i) instanceof OpResult.ErrorResult error && error.getErr() == refused.code().intValue()) {
                    return ops.get(i).get().getPath();
                }
            }
        }
        return refused.getPath() == null ? "a node" : refused.getPath();
    }

    /** The parent of every acknowledgement of an application's actions. */
    static String acksOf(FleetLayout layout, String application) {
        String one = layout.acks(application, "a");
        return one.substring(0, one.lastIndexOf('/'));
    }

    private static String entryName(List<CuratorTransactionResult> results, String entryPrefix) {
        for (CuratorTransactionResult result : results) {
            if (entryPrefix.equals(result.getForPath()) && result.getResultPath() != null) {
                return result.getResultPath().substring(result.getResultPath().lastIndexOf('/') + 1);
            }
        }
        throw new IllegalStateException("the transaction's answer lacks the audit entry " + entryPrefix);
    }
}
