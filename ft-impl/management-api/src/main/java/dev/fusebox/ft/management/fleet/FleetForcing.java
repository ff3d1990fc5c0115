package dev.fusebox.ft.management.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

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
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", actionId);
        fields.put("state", state);
        fields.put("by", by);
        fields.put("reason", reason);
        fields.put("since", Long.toString(sinceEpochMillis));
        fields.put("until", Long.toString(untilEpochMillis));
        return FleetText.encode(fields);
    }

    /** Reads a node's data; refuses (with what and where) anything this class would not write. */
    public static FleetForcing parse(byte[] data, String target) {
        String what = "the fleet forcing of " + FleetText.excerpt(target);
        Map<String, String> fields = FleetText.decode(data, MAX_BYTES, what);
        try {
            return new FleetForcing(FleetText.required(fields, "action", what), FleetText.required(fields, "state", what),
                    FleetText.required(fields, "by", what), fields.getOrDefault("reason", ""),
                    FleetText.millis(fields, "since", what), FleetText.millis(fields, "until", what));
        } catch (IllegalArgumentException invalid) {
            throw invalid.getMessage().startsWith(what) ? invalid
                    : new IllegalArgumentException(what + ": " + invalid.getMessage());
        }
    }
}
