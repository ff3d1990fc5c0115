package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.OverridesFormat;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetOverridesAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * A change to an application's fleet-wide overrides node ({@code apps/<app>/overrides}: the
 * overrides file's text, at most {@value #MAX_BYTES} bytes): read the node, apply the change, and
 * write it back with the version read, so a concurrent change makes the transaction fail and be
 * built again from the newer text. The node is read and written with the instances' own rules
 * ({@link OverridesFormat}: {@code #} comments, trimmed keys and values, CR LF line ends), and the
 * text written starts with the comment naming the action ({@link FleetOverridesAction}), which the
 * instances answer. A node that does not parse is not overwritten: the change is refused with the
 * parse's message (an operator repairs or replaces it).
 * Thread-safety: stateless over a thread-safe Curator client.
 */
final class FleetOverridesEdit {

    /** The largest overrides node (the instances refuse a larger one). */
    static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_DETAIL = 1000;

    /** What to set and remove, with its audit target (the keys) and detail (the values). */
    record Change(Map<String, String> set, List<String> remove, String target, String detail) {
    }

    private final CuratorFramework curator;
    private final FleetLayout layout;

    FleetOverridesEdit(CuratorFramework curator, FleetLayout layout) {
        this.curator = curator;
        this.layout = layout;
    }

    /** Validates a change: keys and values must be writable as overrides lines; something must change. */
    static Change change(Map<String, String> set, Collection<String> remove) {
        Map<String, String> toSet = new TreeMap<>(set == null ? Map.of() : set);
        List<String> toRemove = new ArrayList<>(remove == null ? List.of() : remove);
        if (toSet.isEmpty() && toRemove.isEmpty()) {
            throw new IllegalArgumentException("a fleet configuration change must set or remove at least one key");
        }
        toSet.forEach(FleetOverridesEdit::writable);
        for (String key : toRemove) {
            writable(key, "");
            if (toSet.containsKey(key)) {
                throw new IllegalArgumentException("the fleet override '" + OverridesFormat.excerpt(key,
                        OverridesFormat.QUOTED) + "' is both set and removed");
            }
        }
        List<String> keys = new ArrayList<>(toSet.keySet());
        keys.addAll(toRemove);
        StringBuilder detail = new StringBuilder();
        toSet.forEach((key, value) -> detail.append(detail.length() == 0 ? "" : ", ").append(key).append('=')
                .append(value));
        toRemove.forEach(key -> detail.append(detail.length() == 0 ? "" : ", ").append("removed ").append(key));
        return new Change(toSet, toRemove, shortened(String.join(", ", keys), FleetLayout.MAX_NAME),
                shortened(detail.toString(), MAX_DETAIL));
    }

    /** The operation writing the change over what the node holds now, as {@code action}. */
    CuratorOp operation(String application, Change change, FleetOverridesAction action) throws Exception {
        String path = layout.overrides(application);
        Stat stat = new Stat();
        byte[] current;
        try {
            current = curator.getData().storingStatIn(stat).forPath(path);
        } catch (KeeperException.NoNodeException none) {
            current = null;
            stat = null;
        }
        if (current != null && current.length > MAX_BYTES) {
            throw new FleetTransaction.NothingToDo("the overrides node of " + application + " is " + current.length
                    + " bytes, more than the limit of " + MAX_BYTES + " that instances take; replace it (e.g. remove"
                    + " the node) first");
        }
        OverridesFormat.Parsed parsed = OverridesFormat.parse(current == null ? new byte[0] : current);
        if (parsed.corrupt()) {
            throw new FleetTransaction.NothingToDo("the overrides node of " + application + " holds what instances"
                    + " refuse, so it is not merged into: " + parsed.problem() + "; replace it (e.g. remove the node)"
                    + " first");
        }
        Map<String, String> entries = new TreeMap<>(parsed.entries());
        entries.putAll(change.set());
        change.remove().forEach(entries::remove);
        byte[] text = OverridesFormat.render(action.header(), entries);
        if (text.length > MAX_BYTES) {
            throw new FleetTransaction.NothingToDo("the overrides would be " + text.length + " bytes, more than the"
                    + " limit of " + MAX_BYTES);
        }
        return stat == null ? curator.transactionOp().create().forPath(path, text)
                : curator.transactionOp().setData().withVersion(stat.getVersion()).forPath(path, text);
    }

    /** Refuses what the overrides format would not read back the same (as the overrides file refuses it). */
    private static void writable(String key, String value) {
        String problem = OverridesFormat.unwritable(key, value);
        if (problem != null) {
            throw new IllegalArgumentException("the fleet override '" + OverridesFormat.excerpt(key,
                    OverridesFormat.QUOTED) + "' cannot be written: " + problem);
        }
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
