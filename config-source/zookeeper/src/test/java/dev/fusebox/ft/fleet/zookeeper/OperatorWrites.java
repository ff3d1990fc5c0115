package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetOverridesAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.fusebox.ft.fleet.client.FleetActionResult;
import dev.fusebox.ft.fleet.client.FleetApplied;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.FleetOperator;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * An operator's writes in the tests: the actions through the fleet client's {@link FleetOperator}
 * (one transaction each, with its audit entry), and what no operator would write (a corrupt node)
 * directly. Not thread-safe: one test thread.
 */
final class OperatorWrites {

    private final CuratorFramework curator;
    private final FleetLayout layout;
    private final String application;
    private final String operator;
    private final FleetOperator fleet;

    OperatorWrites(FleetConnection connection, String application, String operator) {
        this.curator = connection.curator();
        this.layout = connection.layout();
        this.application = application;
        this.operator = operator;
        this.fleet = new FleetOperator(connection, operator);
    }

    FleetOperator fleet() {
        return fleet;
    }

    String forceOpen(String target, String reason) {
        return committed(fleet.forceOpen(application, target, reason, null));
    }

    String release(String target, String reason) {
        return committed(fleet.release(application, target, reason));
    }

    String reset(String target, String reason) {
        return committed(fleet.reset(application, target, reason));
    }

    String configure(Map<String, String> set, String reason) {
        return committed(fleet.configure(application, set, List.of(), reason));
    }

    /** Waits until every registered instance answered {@code actionId}; how far it got. */
    FleetApplied awaitApplied(String actionId) throws InterruptedException {
        return fleet.awaitApplied(application, actionId, Duration.ofSeconds(5));
    }

    private static String committed(FleetActionResult result) {
        if (!result.committed()) {
            throw new AssertionError("the fleet action was not committed: " + result);
        }
        return result.actionId();
    }

    /**
     * Writes {@code data} as the overrides node, whatever it holds (a corrupt one too), as an
     * operator's action: after the line naming the action, with an audit entry.
     */
    String configureRaw(byte[] body, String reason) throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] header = new FleetOverridesAction(id, operator).header().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] data = java.util.Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, data, header.length, body.length);
        String path = layout.overrides(application);
        CuratorOp node = curator.checkExists().forPath(path) == null
                ? curator.transactionOp().create().forPath(path, data) : curator.transactionOp().setData().forPath(path, data);
        commit(id, node, FleetAuditEntry.CONFIGURE, "overrides", reason, "");
        return id;
    }

    /** Writes {@code text} as the overrides node by hand (as with zkCli): no action, no audit entry. */
    void overridesByHand(String text) throws Exception {
        String path = layout.overrides(application);
        byte[] data = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (curator.checkExists().forPath(path) == null) {
            curator.create().creatingParentsIfNeeded().forPath(path, data);
        } else {
            curator.setData().forPath(path, data);
        }
    }

    /** Deletes a forced node by hand (as with zkCli): no release action, no audit entry. */
    void deleteForcedByHand(String target) throws Exception {
        curator.delete().forPath(layout.forced(application, target));
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
