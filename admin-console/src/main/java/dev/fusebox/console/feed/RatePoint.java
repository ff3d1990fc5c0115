package dev.fusebox.console.feed;

/**
 * Rates between two consecutive polls of one breaker, placed at the later poll.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param atMillis            when the later poll finished
 * @param callsPerSecond      calls decided about, per second
 * @param failuresPerSecond   failed calls per second
 * @param rejectionsPerSecond calls refused by the open circuit per second
 */
public record RatePoint(long atMillis, double callsPerSecond, double failuresPerSecond, double rejectionsPerSecond) {

    public static RatePoint zero(long atMillis) {
        return new RatePoint(atMillis, 0, 0, 0);
    }
}
