package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.configsource.OverridesText;
import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetReset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * An operator's writes as the fleet client's {@code FleetOperator} makes them (until the tests use
 * it): one transaction per action, of the action's node, its audit entry (persistent sequential)
 * and the empty parent of its acknowledgements. Not thread-safe: one test thread.
 */
final class OperatorWrites {

    private final CuratorFramework curator;
    private final FleetLayout layout;
    private final String application;
    private final String operator;

    OperatorWrites(CuratorFramework curator, FleetLayout layout, String application, String operator) {
        this.curator = curator;
        this.layout = layout;
        this.application = application;
        this.operator = operator;
    }

    String forceOpen(String target, String reason) throws Exception {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        byte[] data = new FleetForcing(id, "OPEN", operator, reason, now, 0).toBytes();
        String path = layout.forced(application, target);
        CuratorOp node = curator.checkExists().forPath(path) == null
                ? curator.transactionOp().create().forPath(path, data) : curator.transactionOp().setData().forPath(path, data);
        commit(id, node, FleetAuditEntry.FORCE_OPEN, target, reason, "");
        return id;
    }

    String release(String target, String reason) throws Exception {
        String id = UUID.randomUUID().toString();
        commit(id, curator.transactionOp().delete().forPath(layout.forced(application, target)), FleetAuditEntry.RELEASE,
                target, reason, "");
        return id;
    }

    String reset(String target, String reason) throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] data = new FleetReset(id, operator, reason, System.currentTimeMillis()).toBytes();
        String path = layout.resets(application, target);
        CuratorOp node = curator.checkExists().forPath(path) == null
                ? curator.transactionOp().create().forPath(path, data) : curator.transactionOp().setData().forPath(path, data);
        commit(id, node, FleetAuditEntry.RESET, target, reason, "");
        return id;
    }

    String configure(Map<String, String> entries, String reason) throws Exception {
        return configureRaw(OverridesText.render(entries), reason);
    }

    /** Writes {@code data} as the overrides node, whatever it holds (a corrupt one too). */
    String configureRaw(byte[] data, String reason) throws Exception {
        String id = UUID.randomUUID().toString();
        String path = layout.overrides(application);
        CuratorOp node = curator.checkExists().forPath(path) == null
                ? curator.transactionOp().create().forPath(path, data) : curator.transactionOp().setData().forPath(path, data);
        commit(id, node, FleetAuditEntry.CONFIGURE, "overrides", reason, "");
        return id;
    }

    /** Writes {@code data} to a forced node directly (a hostile or broken writer), without an action. */
    void corruptForced(String target, byte[] data) throws Exception {
        curator.setData().forPath(layout.forced(application, target), data);
    }

    /** The acknowledgements of an action so far. */
    List<FleetAck> acks(String actionId) throws Exception {
        List<FleetAck> acks = new ArrayList<>();
        String parent = layout.acks(application, actionId);
        for (String child : curator.getChildren().forPath(parent)) {
            acks.add(FleetAck.parse(curator.getData().forPath(parent + "/" + child), child));
        }
        return acks;
    }

    private void commit(String id, CuratorOp node, String kind, String target, String reason, String detail)
            throws Exception {
        for (String parent : List.of(layout.forced(application), layout.resets(application), layout.audit(application),
                layout.root() + "/acks/" + FleetLayout.node(application))) {
            try {
                curator.create().creatingParentsIfNeeded().forPath(parent, new byte[0]);
            } catch (KeeperException.NodeExistsException exists) {
                // made by an earlier action
            }
        }
        byte[] entry = new FleetAuditEntry(id, kind, target, operator, reason, System.currentTimeMillis(), 0, detail)
                .toBytes();
        curator.transaction().forOperations(node,
                curator.transactionOp().create().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                        .forPath(layout.auditEntryPrefix(application), entry),
                curator.transactionOp().create().forPath(layout.acks(application, id), new byte[0]));
    }
}
