package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetText;
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
 * overrides file's text, {@code key=value} lines, at most {@value #MAX_BYTES} bytes): read the node,
 * apply the change, and write it back with the version read, so a concurrent change makes the
 * transaction fail and be built again from the newer text. A node that does not parse is not
 * overwritten: the change is refused with the parse's message (an operator repairs or replaces it).
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
        toRemove.forEach(key -> FleetText.encode(Map.of(key, "")));
        FleetText.encode(toSet);
        toSet.forEach(FleetOverridesEdit::untrimmed);
        toRemove.forEach(key -> untrimmed(key, ""));
        List<String> keys = new ArrayList<>(toSet.keySet());
        keys.addAll(toRemove);
        StringBuilder detail = new StringBuilder();
        toSet.forEach((key, value) -> detail.append(detail.length() == 0 ? "" : ", ").append(key).append('=')
                .append(value));
        toRemove.forEach(key -> detail.append(detail.length() == 0 ? "" : ", ").append("removed ").append(key));
        return new Change(toSet, toRemove, shortened(String.join(", ", keys), FleetLayout.MAX_NAME),
                shortened(detail.toString(), MAX_DETAIL));
    }

    /** The operation writing the change over what the node holds now. */
    CuratorOp operation(String application, Change change) throws Exception {
        String path = layout.overrides(application);
        Stat stat = new Stat();
        byte[] current;
        try {
            current = curator.getData().storingStatIn(stat).forPath(path);
        } catch (KeeperException.NoNodeException none) {
            current = null;
            stat = null;
        }
        Map<String, String> entries;
        try {
            entries = new TreeMap<>(FleetText.decode(current, MAX_BYTES, "the fleet overrides of " + application));
        } catch (IllegalArgumentException corrupt) {
            throw new FleetTransaction.NothingToDo("the overrides node holds what instances refuse, so it is not"
                    + " merged into: " + corrupt.getMessage() + "; replace it (e.g. remove the node) first");
        }
        entries.putAll(change.set());
        change.remove().forEach(entries::remove);
        byte[] text = FleetText.encode(entries);
        if (text.length > MAX_BYTES) {
            throw new FleetTransaction.NothingToDo("the overrides would be " + text.length + " bytes, more than the"
                    + " limit of " + MAX_BYTES);
        }
        return stat == null ? curator.transactionOp().create().forPath(path, text)
                : curator.transactionOp().setData().withVersion(stat.getVersion()).forPath(path, text);
    }

    /** The overrides file's format trims keys and values: one that would change when read is refused. */
    private static void untrimmed(String key, String value) {
        if (key.isBlank() || !key.strip().equals(key) || !value.strip().equals(value)) {
            throw new IllegalArgumentException("a fleet override's key must not be blank, and neither key nor value may"
                    + " start or end with white space (the overrides format trims them): '" + key + "'");
        }
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
