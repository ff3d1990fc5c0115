package dev.fusebox.console.feed;

/**
 * One closed window of an adaptive bulkhead as the console read it: the limit the window set, the most
 * calls it saw in flight at once, and the mean round trip of the calls that ended in it. The console's
 * own copy of the management API's {@code LimitWindow}, made from its open data, so that a newer server
 * adding items changes nothing here.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param number          the window's number since the bulkhead started, 1 for the first
 * @param endedAtMillis   when it closed, epoch milliseconds on the server's clock
 * @param limit           the limit it set for the next window
 * @param samples         calls that ended in it
 * @param meanRttMillis   the mean round trip of those calls, in milliseconds
 * @param maxInflight     the most calls in flight at once during it
 * @param dropped         whether a call in it was dropped (timed out, cut short)
 */
public record LimitWindowReading(long number, long endedAtMillis, int limit, long samples, double meanRttMillis,
                                 int maxInflight, boolean dropped) {
}
