package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Counts an action's acknowledgements against the instances registered now, and waits for the
 * missing ones: it reads the two lists every {@value #POLL_MILLIS} ms until no registered instance
 * is missing or the wait is over (reads, not watches, so nothing stays registered in the ensemble
 * after it returns). An acknowledgement is matched to a member by its instance id; acknowledgements
 * of instances no longer registered are left out (the audit keeps them).
 * Thread-safety: stateless over a thread-safe Curator client.
 */
final class FleetAcknowledgements {

    static final long POLL_MILLIS = 50;

    private final CuratorFramework curator;
    private final FleetLayout layout;

    FleetAcknowledgements(CuratorFramework curator, FleetLayout layout) {
        this.curator = curator;
        this.layout = layout;
    }

    FleetApplied await(String application, String actionId, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FleetApplied now = count(application, actionId);
            long left = deadline - System.nanoTime();
            if (now.missing().isEmpty() || left <= 0) {
                return now;
            }
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
        }
    }

    /** The ids of the instances registered now; a node name that does not decode is not an instance of ours. */
    private Set<String> members(String application) throws Exception {
        Set<String> members = new TreeSet<>();
        try {
            for (String node : curator.getChildren().forPath(layout.instances(application))) {
                try {
                    members.add(FleetLayout.raw(node));
                } catch (IllegalArgumentException notOurs) {
                    // skipped: no instance writes such a name, so none acknowledges under it
                }
            }
        } catch (KeeperException.NoNodeException noneYet) {
            // no instance ever registered
        }
        return members;
    }

    FleetApplied count(String application, String actionId) throws InterruptedException {
        try {
            if (curator.checkExists().forPath(layout.acks(application, actionId)) == null) {
                throw new IllegalArgumentException("there is no fleet action " + actionId + " in " + application
                        + " (it did not commit, or its audit entry was trimmed)");
            }
            Set<String> members = members(application);
            List<FleetAck> acks = new ArrayList<>(FleetAuditTrail.acks(curator, layout, application, actionId));
            acks.removeIf(ack -> !members.contains(ack.instanceId()));
            Set<String> answered = new TreeSet<>();
            acks.forEach(ack -> answered.add(ack.instanceId()));
            List<String> missing = new ArrayList<>(members);
            missing.removeAll(answered);
            return new FleetApplied(actionId, members.size(), acks, missing);
        } catch (InterruptedException | IllegalArgumentException passOn) {
            throw passOn;
        } catch (Exception failed) {
            throw new IllegalStateException("could not count the acknowledgements of fleet action " + actionId + " in "
                    + application + ": " + failed, failed);
        }
    }
}
