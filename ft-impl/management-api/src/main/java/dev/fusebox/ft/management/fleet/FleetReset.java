package dev.fusebox.ft.management.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", actionId);
        fields.put("by", by);
        fields.put("reason", reason);
        fields.put("at", Long.toString(atEpochMillis));
        return FleetText.encode(fields);
    }

    public static FleetReset parse(byte[] data, String target) {
        String what = "the fleet reset of " + FleetText.excerpt(target);
        Map<String, String> fields = FleetText.decode(data, MAX_BYTES, what);
        return FleetText.record(what, () -> new FleetReset(FleetText.required(fields, "action", what),
                FleetText.required(fields, "by", what), fields.getOrDefault("reason", ""),
                FleetText.millis(fields, "at", what)));
    }
}
