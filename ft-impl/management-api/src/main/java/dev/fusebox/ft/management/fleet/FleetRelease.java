package dev.fusebox.ft.management.fleet;

/**
 * The last fleet-wide release of a breaker or group: the data of
 * {@code <root>/apps/<app>/released/<target>}, written in the same transaction that deletes the
 * target's forcing. An instance that sees the forcing deleted reads it to learn which action
 * released it (and so which action to answer): the deletion itself carries no data. It names the
 * forcing it released, so an instance that sees an older deletion after a newer release (force,
 * release, force, release in quick succession) does not answer the wrong action.
 * Thread-safety: immutable.
 *
 * @param actionId      unique id of the release (also in its audit entry)
 * @param by            the operator
 * @param reason        why
 * @param atEpochMillis when it was written
 * @param forcingId     the action id of the forcing it deleted
 */
public record FleetRelease(String actionId, String by, String reason, long atEpochMillis, String forcingId) {

    public static final int MAX_BYTES = 4096;

    public FleetRelease {
        FleetFields.actionId(actionId, "a fleet release");
        FleetFields.operator(by, "a fleet release");
        FleetFields.reason(reason, "a fleet release");
        FleetFields.instant(atEpochMillis, "at", "a fleet release");
        FleetFields.actionId(forcingId, "the forcing a fleet release deleted");
    }

    public byte[] toBytes() {
        return FleetText.encode("action", actionId, "by", by, "reason", reason, "at", Long.toString(atEpochMillis),
                "released", forcingId);
    }

    public static FleetRelease parse(byte[] data, String target) {
        FleetText.Fields node = FleetText.read(data, MAX_BYTES, "the fleet release of " + FleetText.excerpt(target));
        return node.record(() -> new FleetRelease(node.required("action"), node.required("by"),
                node.optional("reason"), node.millis("at"), node.required("released")));
    }
}
