package dev.fusebox.ft.management.fleet;

/**
 * One fleet action, as kept in a persistent sequential node {@code <root>/audit/<app>/entry-<n>}
 * (ZooKeeper's sequence orders them). It is written in the same transaction as the action's own
 * node, so an action without its entry, or an entry without its action, does not exist. Each
 * instance that handled it writes a {@link FleetAck} under {@code <root>/acks/<app>/<action id>}: their number is how many
 * instances applied it.
 * Thread-safety: immutable.
 *
 * @param actionId         unique id of the action
 * @param action           force-open, force-closed, release, reset or configure
 * @param target           a breaker, {@code group:<name>}, or for configure the overrides key(s)
 * @param by               the operator
 * @param reason           why
 * @param atEpochMillis    when it was written
 * @param untilEpochMillis for a forcing, when it runs out (0: until released); else 0
 * @param detail           what else there is to say (e.g. the new value of a parameter)
 */
public record FleetAuditEntry(String actionId, String action, String target, String by, String reason,
                              long atEpochMillis, long untilEpochMillis, String detail) {

    public static final int MAX_BYTES = 8192;
    public static final String FORCE_OPEN = "force-open";
    public static final String FORCE_CLOSED = "force-closed";
    public static final String RELEASE = "release";
    public static final String RESET = "reset";
    public static final String CONFIGURE = "configure";

    public FleetAuditEntry {
        FleetFields.actionId(actionId, "a fleet audit entry");
        if (!FORCE_OPEN.equals(action) && !FORCE_CLOSED.equals(action) && !RELEASE.equals(action)
                && !RESET.equals(action) && !CONFIGURE.equals(action)) {
            throw new IllegalArgumentException("a fleet audit entry's action must be one of force-open, force-closed,"
                    + " release, reset, configure, but is '" + (action == null ? "null" : FleetText.excerpt(action))
                    + "'");
        }
        FleetFields.name(target, FleetLayout.MAX_NAME, "the target", "a fleet audit entry");
        FleetFields.instant(atEpochMillis, "at", "a fleet audit entry");
        FleetFields.instant(untilEpochMillis, "until", "a fleet audit entry");
        FleetFields.operator(by, "a fleet audit entry");
        FleetFields.reason(reason, "a fleet audit entry");
        FleetFields.text(detail, 1000, "the detail", "a fleet audit entry");
    }

    public byte[] toBytes() {
        return FleetText.encode("action", actionId, "kind", action, "target", target, "by", by, "reason", reason,
                "at", Long.toString(atEpochMillis), "until", Long.toString(untilEpochMillis), "detail", detail);
    }

    public static FleetAuditEntry parse(byte[] data, String entry) {
        FleetText.Fields node = FleetText.read(data, MAX_BYTES, "the fleet audit entry " + FleetText.excerpt(entry));
        return node.record(() -> new FleetAuditEntry(node.required("action"), node.required("kind"),
                node.required("target"), node.required("by"), node.optional("reason"), node.millis("at"),
                node.millis("until"), node.optional("detail")));
    }
}
