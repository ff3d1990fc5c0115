package dev.fusebox.console.viewmodel;

/**
 * One fault of a game day as the breaker's chart marks it: from when to when (epoch milliseconds, as
 * the chart's readings), and what ({@code payments outage}). Immutable.
 *
 * @param startMillis when the fault was switched on
 * @param endMillis   when it was taken back, or {@link #ONGOING} while it is on
 * @param label       the dependency and the fault, e.g. {@code payments errors 50%}
 */
public record FaultWindow(long startMillis, long endMillis, String label) {

    public static final long ONGOING = Long.MAX_VALUE;

    public boolean ongoing() {
        return endMillis == ONGOING;
    }
}
