package dev.fusebox.ft.management.fleet;

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
        return FleetText.encode("instance", instanceId, "applied", Boolean.toString(applied), "detail", detail,
                "at", Long.toString(atEpochMillis));
    }

    public static FleetAck parse(byte[] data, String node) {
        FleetText.Fields ack = FleetText.read(data, MAX_BYTES, "the fleet acknowledgement " + FleetText.excerpt(node));
        String applied = ack.required("applied");
        if (!"true".equals(applied) && !"false".equals(applied)) {
            throw new IllegalArgumentException(ack.what() + ": applied must be true or false, but is '"
                    + FleetText.excerpt(applied) + "'");
        }
        return ack.record(() -> new FleetAck(ack.required("instance"), Boolean.parseBoolean(applied),
                ack.optional("detail"), ack.millis("at")));
    }
}
