package dev.fusebox.console.connect;

/**
 * When a JVM's audit logs are worth reading with the next poll: the audit log is a list of up to 200
 * records, too much to fetch every second for what changes a few times a day. It is read with the
 * first poll of a connection, then at most every {@link #EVERY_MILLIS}, except that an action run
 * through this console or a {@code State} notification (which any operator's forcing causes) makes
 * the next poll read it.
 *
 * <p>Thread-safety: not thread-safe; confined to the connection's worker thread (one per {@link JvmSession}).
 */
final class AuditCadence {

    /** The longest the console goes without reading the audit logs of a connected JVM. */
    static final long EVERY_MILLIS = 5_000;

    private final long everyMillis;
    private long lastReadAt;
    private boolean soon = true;

    AuditCadence(long everyMillis) {
        this.everyMillis = everyMillis;
    }

    /** Whether the poll starting at {@code nowMillis} should read the audit logs. */
    boolean due(long nowMillis) {
        return soon || nowMillis - lastReadAt >= everyMillis;
    }

    void read(long atMillis) {
        lastReadAt = atMillis;
        soon = false;
    }

    /** Something was (or may have been) audited: read with the next poll. */
    void somethingHappened() {
        soon = true;
    }
}
