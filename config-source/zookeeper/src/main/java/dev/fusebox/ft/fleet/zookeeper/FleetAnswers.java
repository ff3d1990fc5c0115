package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetRelease;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.zookeeper.KeeperException;

/**
 * This instance's answers to fleet actions: one {@link FleetAck} node per action under
 * {@code <root>/acks/<app>/<action id>} (the operator's transaction created that parent), written
 * in the background so no caller waits on ZooKeeper; written again (set) when the instance answers
 * the same action twice (a restart with the same id). An action whose parent is gone (its audit
 * entry was retired) is not answered. Also reads which action released a forcing ({@link #release}),
 * as a deleted node carries no data.
 * Thread-safe: Curator's client is; {@link #release} blocks and runs on the agent's thread only.
 */
final class FleetAnswers {

    private static final int MAX_DETAIL = 1000;

    private final CuratorFramework curator;
    private final FleetLayout layout;
    private final String application;
    private final String instanceId;
    private final FleetStatus status;

    FleetAnswers(CuratorFramework curator, FleetLayout layout, String application, String instanceId,
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
            System.getLogger(FleetAnswers.class.getName()).log(System.Logger.Level.DEBUG,
                    () -> "fleet action at " + path + " has no acknowledgements node (retired); not answered");
        } else if (code != KeeperException.Code.OK) {
            status.failure("could not answer at " + path, KeeperException.create(code, path));
        }
    }

    /**
     * The last fleet-wide release of {@code target} ({@code apps/<app>/released/<target>}, written in
     * the transaction that deleted its forcing), or null when there is none or it cannot be read
     * (said in the status). Blocks on ZooKeeper: called on the agent's thread after the deletion
     * was seen, so the read sees that release or a later one.
     */
    FleetRelease release(String target) {
        String path = layout.released(application, target);
        try {
            return FleetRelease.parse(curator.getData().forPath(path), target);
        } catch (KeeperException.NoNodeException none) {
            return null;
        } catch (IllegalArgumentException corrupt) {
            status.problem("refused the fleet release node " + path + ": " + corrupt.getMessage());
            return null;
        } catch (Exception failed) {
            status.failure("could not read the fleet release node " + path, failed);
            return null;
        }
    }
}
