package dev.fusebox.console.feed;

import java.util.List;

/**
 * An adaptive bulkhead's attributes as read from its MXBean ({@code type=AdaptiveBulkhead}) at one
 * moment, with its recent windows.
 *
 * <p>Thread-safety: an immutable record (its history is an unmodifiable copy); safe on any thread.
 *
 * @param key           which guarded method
 * @param algorithm     how the limit moves after each window: AIMD or GRADIENT
 * @param limit         the limit now: calls that may run at once
 * @param minLimit      the least the limit falls to
 * @param maxLimit      the most the limit grows to
 * @param running       calls holding a place now
 * @param liveReserve   the share of the limit only live calls may use
 * @param priority      the method's default priority: LIVE or BATCH
 * @param windowMillis  the least length of a sampling window
 * @param rejectedLive  counter: live calls refused
 * @param rejectedBatch counter: batch calls refused
 * @param history       the last closed windows, oldest first, at most {@link #MAX_HISTORY}
 */
public record AdaptiveLimitReading(MethodKey key, String algorithm, int limit, int minLimit, int maxLimit,
                                   int running, double liveReserve, String priority, long windowMillis,
                                   long rejectedLive, long rejectedBatch, List<LimitWindowReading> history) {

    /** The most windows a server keeps, and the most the console takes of one reading. */
    public static final int MAX_HISTORY = 120;

    public AdaptiveLimitReading {
        history = List.copyOf(history);
        if (history.size() > MAX_HISTORY) {
            throw new IllegalArgumentException(key.name() + ": " + history.size() + " windows, more than "
                    + MAX_HISTORY);
        }
    }
}
