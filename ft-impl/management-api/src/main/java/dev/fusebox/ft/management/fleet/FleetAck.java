package dev.fusebox.ft.management.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance's answer to one fleet action: the data of
 * {@code <root>/acks/<app>/<action id>/<instance id>}. {@code applied} when the action took effect
 * there; otherwise {@link #detail} says why not (no such breaker, a configuration value it refused,
 * a local forcing it kept).
 * Thread-safety: immutable.
 *
 * @param instanceId    who answers
 * @param applied       whether it took effect
 * @param detail        what happened, e.g. {@code forced OPEN} or the refusal's message
 * @param atEpochMillis when
 */
public record FleetAck(String instanceId, boolean applied, String detail, long atEpochMillis) {

    /** The largest node taken: every field at its longest in three-byte UTF-8 is about 4.6 KB. */
    public static final int MAX_BYTES = 8192;

    public FleetAck {
        FleetFields.name(instanceId, FleetLayout.MAX_NAME, "the instance id", "a fleet acknowledgement");
        FleetFields.instant(atEpochMillis, "at", "a fleet acknowledgement");
        FleetFields.text(detail, 1000, "the detail", "a fleet acknowledgement");
    }

    public byte[] toBytes() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("instance", instanceId);
        fields.put("applied", Boolean.toString(applied));
        fields.put("detail", detail);
        fields.put("at", Long.toString(atEpochMillis));
        return FleetText.encode(fields);
    }

    public static FleetAck parse(byte[] data, String node) {
        String what = "the fleet acknowledgement " + FleetText.excerpt(node);
        Map<String, String> fields = FleetText.decode(data, MAX_BYTES, what);
        String applied = FleetText.required(fields, "applied", what);
        if (!"true".equals(applied) && !"false".equals(applied)) {
            throw new IllegalArgumentException(what + ": applied must be true or false, but is '"
                    + FleetText.excerpt(applied) + "'");
        }
        return FleetText.record(what, () -> new FleetAck(FleetText.required(fields, "instance", what),
                Boolean.parseBoolean(applied), fields.getOrDefault("detail", ""), FleetText.millis(fields, "at", what)));
    }
}
