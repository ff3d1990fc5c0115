package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.zookeeper.KeeperException;

/**
 * This instance's answers to fleet actions: one {@link FleetAck} node per action under
 * {@code <root>/acks/<app>/<action id>} (the operator's transaction created that parent), written
 * in the background so no caller waits on ZooKeeper; written again (set) when the instance answers
 * the same action twice (a restart with the same id). An action whose parent is gone (its audit
 * entry was retired) is not answered. Also finds the audit entry of an action whose node does not
 * carry its id (a release deletes the forcing; an overrides node has no id): the newest entry of
 * that kind and target among the newest {@value #LOOK_BACK}.
 * Thread-safe: Curator's client is; {@link #newest} blocks and runs on the agent's thread only.
 */
final class FleetAcknowledgements {

    /** How many of the newest audit entries {@link #newest} reads at most. */
    static final int LOOK_BACK = 50;
    private static final int MAX_DETAIL = 1000;

    private final CuratorFramework curator;
    private final FleetLayout layout;
    private final String application;
    private final String instanceId;
    private final FleetStatus status;

    FleetAcknowledgements(CuratorFramework curator, FleetLayout layout, String application, String instanceId,
                          FleetStatus status) {
        this.curator = curator;
        this.layout = layout;
        this.application = application;
        this.instanceId = instanceId;
        this.status = status;
    }

    /** Answers {@code actionId}; never blocks. */
    void ack(String actionId, boolean applied, String detail) {
        String cut = detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...";
        byte[] data = new FleetAck(instanceId, applied, cut, System.currentTimeMillis()).toBytes();
        String path = layout.ack(application, actionId, instanceId);
        try {
            curator.create().inBackground((client, event) -> created(event, path, data)).forPath(path, data);
        } catch (Exception failed) {
            status.failure("could not answer fleet action " + actionId, failed);
        }
    }

    private void created(CuratorEvent event, String path, byte[] data) throws Exception {
        KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
        if (code == KeeperException.Code.NODEEXISTS) {
            curator.setData().inBackground((client, set) -> {
                if (set.getResultCode() != 0) {
                    status.failure("could not answer at " + path, KeeperException.create(
                            KeeperException.Code.get(set.getResultCode()), path));
                }
            }).forPath(path, data);
        } else if (code == KeeperException.Code.NONODE) {
            System.getLogger(FleetAcknowledgements.class.getName()).log(System.Logger.Level.DEBUG,
                    () -> "fleet action at " + path + " has no acknowledgements node (retired); not answered");
        } else if (code != KeeperException.Code.OK) {
            status.failure("could not answer at " + path, KeeperException.create(code, path));
        }
    }

    /**
     * The newest audit entry of {@code kind} for {@code target} (any target when null), or null
     * when none of the newest {@value #LOOK_BACK} is one. Blocks on ZooKeeper.
     */
    FleetAuditEntry newest(String kind, String target) {
        String parent = layout.audit(application);
        try {
            List<String> entries = new ArrayList<>(curator.getChildren().forPath(parent));
            entries.removeIf(name -> !name.startsWith(FleetLayout.AUDIT_ENTRY));
            entries.sort(null); // ten-digit sequences: the name order is the write order
            for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - LOOK_BACK); i--) {
                String entry = entries.get(i);
                try {
                    FleetAuditEntry read = FleetAuditEntry.parse(curator.getData().forPath(parent + "/" + entry), entry);
                    if (read.action().equals(kind) && (target == null || read.target().equals(target))) {
                        return read;
                    }
                } catch (KeeperException.NoNodeException retired) {
                    // deleted by retention meanwhile
                } catch (IllegalArgumentException corrupt) {
                    status.problem("refused the audit entry " + entry + ": " + corrupt.getMessage());
                }
            }
            return null;
        } catch (KeeperException.NoNodeException none) {
            return null;
        } catch (Exception failed) {
            status.failure("could not read the fleet audit of " + application, failed);
            return null;
        }
    }
}
