package dev.fusebox.ft.management;

/**
 * One closed sampling window of an adaptive bulkhead: what it saw and the limit it set.
 *
 * Thread-safety: immutable.
 *
 * @param number        the window's number since start, 1 for the first
 * @param endedEpochMillis when it closed (the server's clock, converted when read)
 * @param limit         the limit it set for the next window
 * @param samples       calls that ended in it
 * @param averageRttMillis the mean round trip of those calls, in milliseconds
 * @param maxInflight   the most calls in flight at once during it
 * @param dropped       whether any call in it ended dropped (timed out, cut short)
 */
public record LimitWindow(long number, long endedEpochMillis, int limit, long samples, double averageRttMillis,
                          int maxInflight, boolean dropped) {
}
