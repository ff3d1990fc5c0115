package dev.fusebox.ft.management.fleet;

/**
 * A fleet-wide forcing of a breaker or group: the data of {@code <root>/apps/<app>/forced/<target>}.
 * Every instance of the application applies it (at once when running, before its first call when
 * starting later) and acknowledges the audit entry of {@link #actionId}. Deleting the node releases
 * the target on every instance where this forcing is in force.
 * Thread-safety: immutable.
 *
 * @param actionId         unique id of the action that wrote it (also in its audit entry)
 * @param state            OPEN or CLOSED
 * @param by               the operator
 * @param reason           why
 * @param sinceEpochMillis when it was written
 * @param untilEpochMillis when it runs out, or 0 for until released
 */
public record FleetForcing(String actionId, String state, String by, String reason, long sinceEpochMillis,
                           long untilEpochMillis) {

    /** The largest node taken. */
    public static final int MAX_BYTES = 4096;

    public FleetForcing {
        FleetFields.actionId(actionId, "a fleet forcing");
        if (!"OPEN".equals(state) && !"CLOSED".equals(state)) {
            throw new IllegalArgumentException("a fleet forcing's state must be OPEN or CLOSED, but is '"
                    + (state == null ? "null" : FleetText.excerpt(state)) + "'");
        }
        FleetFields.operator(by, "a fleet forcing");
        FleetFields.reason(reason, "a fleet forcing");
        if (sinceEpochMillis < 0 || untilEpochMillis < 0) {
            throw new IllegalArgumentException("a fleet forcing's instants must not be negative");
        }
    }

    public byte[] toBytes() {
        return FleetText.encode("action", actionId, "state", state, "by", by, "reason", reason,
                "since", Long.toString(sinceEpochMillis), "until", Long.toString(untilEpochMillis));
    }

    /** Reads a node's data; refuses (with what and where) anything this class would not write. */
    public static FleetForcing parse(byte[] data, String target) {
        FleetText.Fields node = FleetText.read(data, MAX_BYTES, "the fleet forcing of " + FleetText.excerpt(target));
        return node.record(() -> new FleetForcing(node.required("action"), node.required("state"),
                node.required("by"), node.optional("reason"), node.millis("since"), node.millis("until")));
    }
}
