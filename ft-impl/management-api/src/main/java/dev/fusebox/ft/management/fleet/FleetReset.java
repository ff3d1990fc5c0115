package dev.fusebox.ft.management.fleet;

/**
 * A fleet-wide reset of a breaker or group: the data of {@code <root>/apps/<app>/resets/<target>}.
 * Running instances reset the target when the node is written with a new {@link #actionId} (a
 * forcing in force stays: a reset of a forced breaker is refused there, as over JMX); an instance
 * that starts later ignores it, its breakers being fresh.
 * Thread-safety: immutable.
 *
 * @param actionId      unique id of the action (also in its audit entry)
 * @param by            the operator
 * @param reason        why
 * @param atEpochMillis when it was written
 */
public record FleetReset(String actionId, String by, String reason, long atEpochMillis) {

    public static final int MAX_BYTES = 4096;

    public FleetReset {
        FleetFields.actionId(actionId, "a fleet reset");
        FleetFields.operator(by, "a fleet reset");
        FleetFields.reason(reason, "a fleet reset");
        FleetFields.instant(atEpochMillis, "at", "a fleet reset");
    }

    public byte[] toBytes() {
        return FleetText.encode("action", actionId, "by", by, "reason", reason, "at", Long.toString(atEpochMillis));
    }

    public static FleetReset parse(byte[] data, String target) {
        FleetText.Fields node = FleetText.read(data, MAX_BYTES, "the fleet reset of " + FleetText.excerpt(target));
        return node.record(() -> new FleetReset(node.required("action"), node.required("by"), node.optional("reason"),
                node.millis("at")));
    }
}
