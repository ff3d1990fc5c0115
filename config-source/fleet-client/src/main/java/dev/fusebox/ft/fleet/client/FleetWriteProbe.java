package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;

/**
 * Finds out whether a login may write an application's fleet actions without writing any: one
 * transaction creates a probe node everywhere an action writes (forced, resets, the audit, the
 * acknowledgements) and then checks a version the probe cannot have, so it always fails and
 * ZooKeeper rolls it back whole (no node, no watch fired). Which operation failed first tells:
 * {@code NoAuth} on a create is a refusal; the failing check means every create was allowed.
 * ZooKeeper's digest scheme accepts a wrong password at login, so this is also how a wrong password
 * shows before the first real action.
 * Thread-safety: stateless over a thread-safe Curator client.
 */
final class FleetWriteProbe {

    private final FleetConnection connection;
    private final FleetTransaction transaction;

    FleetWriteProbe(FleetConnection connection, FleetTransaction transaction) {
        this.connection = connection;
        this.transaction = transaction;
    }

    void check(String application) {
        CuratorFramework curator = connection.curator();
        FleetLayout layout = connection.layout();
        String probe = "write-probe-" + UUID.randomUUID();
        List<CuratorOp> ops = new ArrayList<>();
        try {
            transaction.ensureParents(application);
            String forced = layout.forced(application) + "/" + probe;
            ops.add(curator.transactionOp().create().forPath(forced));
            ops.add(curator.transactionOp().create().forPath(layout.resets(application) + "/" + probe));
            ops.add(curator.transactionOp().create().forPath(layout.released(application) + "/" + probe));
            ops.add(curator.transactionOp().create().forPath(layout.audit(application) + "/" + probe));
            ops.add(curator.transactionOp().create().forPath(layout.acks(application, probe)));
            ops.add(curator.transactionOp().check().withVersion(Integer.MAX_VALUE).forPath(forced));
            curator.transaction().forOperations(ops);
            throw new IllegalStateException("the write probe's transaction in " + application
                    + " committed although it cannot; the probe nodes named " + probe + " need deleting");
        } catch (KeeperException.BadVersionException expected) {
            // every create was allowed; the check rolled them back
        } catch (KeeperException.NoAuthException | KeeperException.AuthFailedException refused) {
            String path = FleetTransaction.failedPath(refused, ops);
            // name where the probe was refused, not the probe itself
            throw transaction.refused(application, refused,
                    path.endsWith("/" + probe) ? path.substring(0, path.length() - probe.length() - 1) : path);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the right to write in " + application,
                    interrupted);
        } catch (IllegalStateException | FleetAccessException passOn) {
            throw passOn;
        } catch (Exception failed) {
            throw new IllegalStateException("could not check whether " + connection + " may write in " + application
                    + ": " + failed, failed);
        }
    }
}
