package dev.fusebox.ft.management;

/**
 * One change of a circuit breaker's state or forcing.
 *
 * Thread-safety: immutable.
 *
 * @param from          CLOSED, OPEN or HALF_OPEN
 * @param to            CLOSED, OPEN or HALF_OPEN (equal to {@code from} when only the forcing changed)
 * @param atEpochMillis when
 * @param cause         why, e.g. "failure ratio 0.60 >= 0.50 over 20 calls; last failure
 *                      java.net.ConnectException: refused" or "forced open by alice: outage"
 * @param forcedBy      who forces the breaker after the change, or null when it is automatic
 * @param failureRatio  failures over outcomes in the closed circuit's rolling window as the change
 *                      left it: for an automatic CLOSED to OPEN, the ratio that tripped the breaker
 *                      (an open circuit's own {@code FailureRatio} reads 0); {@link #NO_RATIO} when
 *                      the change did not start from CLOSED or the server does not tell
 */
public record StateTransition(String from, String to, long atEpochMillis, String cause, String forcedBy,
                              double failureRatio) {

    /** {@link #failureRatio} of a change that did not start from CLOSED, or from a server that does not tell. */
    public static final double NO_RATIO = -1;

    /** A transition without a window failure ratio ({@link #NO_RATIO}). */
    public StateTransition(String from, String to, long atEpochMillis, String cause, String forcedBy) {
        this(from, to, atEpochMillis, cause, forcedBy, NO_RATIO);
    }
}
