package dev.fusebox.ft.management.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", actionId);
        fields.put("by", by);
        fields.put("reason", reason);
        fields.put("at", Long.toString(atEpochMillis));
        fields.put("released", forcingId);
        return FleetText.encode(fields);
    }

    public static FleetRelease parse(byte[] data, String target) {
        String what = "the fleet release of " + FleetText.excerpt(target);
        Map<String, String> fields = FleetText.decode(data, MAX_BYTES, what);
        return FleetText.record(what, () -> new FleetRelease(FleetText.required(fields, "action", what),
                FleetText.required(fields, "by", what), fields.getOrDefault("reason", ""),
                FleetText.millis(fields, "at", what), FleetText.required(fields, "released", what)));
    }
}
