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
 */
public record StateTransition(String from, String to, long atEpochMillis, String cause, String forcedBy) {
}
