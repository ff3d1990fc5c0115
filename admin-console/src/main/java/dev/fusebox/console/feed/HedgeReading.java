package dev.fusebox.console.feed;

/**
 * A hedge's attributes as read from its MXBean ({@code type=Hedge}) at one moment.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param key           which guarded method
 * @param delayMillis   the wait before a further attempt now, in milliseconds
 * @param percentile    the share of recent first attempts the delay follows (0.95), or 0 for a fixed delay
 * @param maxHedges     the most further attempts per call
 * @param hedgesStarted counter: further attempts started
 * @param hedgesWon     counter: further attempts whose answer came first
 * @param hedgesRefused counter: further attempts the hedge's budget refused
 */
public record HedgeReading(MethodKey key, double delayMillis, double percentile, int maxHedges, long hedgesStarted,
                           long hedgesWon, long hedgesRefused) {
}
