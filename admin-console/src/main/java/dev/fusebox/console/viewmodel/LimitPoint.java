package dev.fusebox.console.viewmodel;

/**
 * One window of an adaptive bulkhead as its chart draws it.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param time          when the window closed, counted back from the last window, in the unit the
 *                      chart's time axis names ({@link LimitHistory#timeAxisLabelProperty()}); 0 or less
 * @param limit         the limit the window set
 * @param maxInflight   the most calls in flight at once during the window
 * @param meanRttMillis the mean round trip of the calls that ended in it, in milliseconds
 */
public record LimitPoint(double time, int limit, int maxInflight, double meanRttMillis) {
}
