package dev.fusebox.console.feed;

/**
 * A bulkhead's attributes as read from its MXBean at one moment.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param key       which guarded method
 * @param limit     calls that may run at once
 * @param queueSize queue places (0 for a synchronous method)
 * @param running   calls running now
 * @param waiting   calls queued now
 * @param accepted  counter: calls admitted
 * @param rejected  counter: calls refused because the bulkhead was full
 * @param saturated every slot (and queue place) taken
 * @param shadow    in shadow mode: over-limit calls run anyway (false from a server that does not tell)
 * @param wouldReject counter: calls it would have refused in shadow mode, and let run
 */
public record BulkheadReading(MethodKey key, int limit, int queueSize, int running, int waiting, long accepted,
                              long rejected, boolean saturated, boolean shadow, long wouldReject) {

    /** An enforcing bulkhead (or one read from a server without shadow mode). */
    public BulkheadReading(MethodKey key, int limit, int queueSize, int running, int waiting, long accepted,
                           long rejected, boolean saturated) {
        this(key, limit, queueSize, running, waiting, accepted, rejected, saturated, false, 0);
    }

    /** The same reading with another saturation flag (a notification ran ahead of the next poll). */
    public BulkheadReading withSaturated(boolean now) {
        return new BulkheadReading(key, limit, queueSize, running, waiting, accepted, rejected, now, shadow, wouldReject);
    }
}
