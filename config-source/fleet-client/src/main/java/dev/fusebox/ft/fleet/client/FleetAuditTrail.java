package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Reads an application's audit entries ({@code audit/<app>/entry-<seq>}) with their
 * acknowledgements, and keeps at most a given number of entries: after each write the writer
 * deletes the oldest entries beyond it, each with its acknowledgements (acknowledgements first, so
 * an entry is never left pointing at nothing). Trimming is best effort: another operator may trim
 * the same entries at the same time (their deletion is then simply already done), and a failure is
 * logged, never raised: the action itself has committed. An entry or acknowledgement that does not
 * parse is skipped and logged; trimming deletes such an entry too.
 * Thread-safety: stateless.
 */
final class FleetAuditTrail {

    private static final System.Logger LOG = System.getLogger(FleetAuditTrail.class.getName());

    private FleetAuditTrail() {
    }

    /** The entries' names, oldest first (ZooKeeper's ten-digit sequence sorts as text); none when absent. */
    static List<String> entries(CuratorFramework curator, FleetLayout layout, String application) throws Exception {
        try {
            List<String> names = new ArrayList<>(curator.getChildren().forPath(layout.audit(application)));
            names.removeIf(name -> !name.startsWith(FleetLayout.AUDIT_ENTRY));
            names.sort(Comparator.naturalOrder());
            return names;
        } catch (KeeperException.NoNodeException none) {
            return List.of();
        }
    }

    /** The newest {@code newest} entries with their acknowledgements, oldest first. */
    static List<FleetAuditRecord> read(CuratorFramework curator, FleetLayout layout, String application, int newest)
            throws Exception {
        List<String> names = entries(curator, layout, application);
        List<FleetAuditRecord> records = new ArrayList<>();
        for (String name : names.subList(Math.max(0, names.size() - newest), names.size())) {
            FleetAuditEntry entry = entry(curator, layout, application, name);
            if (entry != null) {
                records.add(new FleetAuditRecord(name, entry, acks(curator, layout, application, entry.actionId())));
            }
        }
        return records;
    }

    /** The entry of an action, newest first; empty when it is not kept (any more). */
    static String entryOf(CuratorFramework curator, FleetLayout layout, String application, String actionId)
            throws Exception {
        List<String> names = entries(curator, layout, application);
        for (int i = names.size() - 1; i >= 0; i--) {
            FleetAuditEntry entry = entry(curator, layout, application, names.get(i));
            if (entry != null && entry.actionId().equals(actionId)) {
                return names.get(i);
            }
        }
        return "";
    }

    /** The acknowledgements of one action, by instance id; none when the action is unknown. */
    static List<FleetAck> acks(CuratorFramework curator, FleetLayout layout, String application, String actionId)
            throws Exception {
        String parent = layout.acks(application, actionId);
        List<String> names;
        try {
            names = new ArrayList<>(curator.getChildren().forPath(parent));
        } catch (KeeperException.NoNodeException none) {
            return List.of();
        }
        names.sort(Comparator.naturalOrder());
        List<FleetAck> acks = new ArrayList<>();
        for (String name : names) {
            try {
                acks.add(FleetAck.parse(curator.getData().forPath(parent + "/" + name), name));
            } catch (KeeperException.NoNodeException gone) {
                // deleted while we read: no longer an answer
            } catch (IllegalArgumentException refused) {
                LOG.log(Level.WARNING, "skipping an acknowledgement of action " + actionId + " in " + application
                        + ": " + refused.getMessage());
            }
        }
        return acks;
    }

    /** Deletes the oldest entries beyond {@code kept}, each after its acknowledgements; logs what fails. */
    static void trim(CuratorFramework curator, FleetLayout layout, String application, int kept) {
        try {
            List<String> names = entries(curator, layout, application);
            for (String name : names.subList(0, Math.max(0, names.size() - kept))) {
                String path = layout.audit(application) + "/" + name;
                FleetAuditEntry entry = entry(curator, layout, application, name);
                if (entry != null) {
                    deleteIfThere(curator, layout.acks(application, entry.actionId()));
                }
                deleteIfThere(curator, path);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            LOG.log(Level.WARNING, "could not trim the fleet audit of " + application + " to its newest " + kept
                    + " entries (the action itself committed): " + failed, failed);
        }
    }

    private static void deleteIfThere(CuratorFramework curator, String path) throws Exception {
        try {
            curator.delete().deletingChildrenIfNeeded().forPath(path);
        } catch (KeeperException.NoNodeException alreadyGone) {
            // trimmed by someone else meanwhile
        }
    }

    /** An entry, or null (logged) when it does not parse or is gone. */
    private static FleetAuditEntry entry(CuratorFramework curator, FleetLayout layout, String application, String name)
            throws Exception {
        try {
            return FleetAuditEntry.parse(curator.getData().forPath(layout.audit(application) + "/" + name), name);
        } catch (KeeperException.NoNodeException gone) {
            return null;
        } catch (IllegalArgumentException refused) {
            LOG.log(Level.WARNING, "skipping a fleet audit entry of " + application + ": " + refused.getMessage());
            return null;
        }
    }
}
