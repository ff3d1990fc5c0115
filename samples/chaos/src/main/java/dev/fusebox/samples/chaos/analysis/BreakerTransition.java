package dev.fusebox.samples.chaos.analysis;

/**
 * A change of state of the watched circuit breaker, on the run's time line. Immutable.
 *
 * @param atMillis milliseconds since the recorded load began (negative during the warm-up)
 * @param from CLOSED, OPEN or HALF_OPEN
 * @param to CLOSED, OPEN or HALF_OPEN
 * @param cause why, as the breaker's MXBean tells it
 */
public record BreakerTransition(long atMillis, String from, String to, String cause) {

    public static final String OPEN = "OPEN";

    public boolean opened() {
        return OPEN.equals(to) && !OPEN.equals(from);
    }
}
