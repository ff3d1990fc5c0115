package dev.fusebox.ft.core.circuitbreaker;

/**
 * One change of a breaker's phase: an automatic transition, or an operator's action (force,
 * release, reset, or a forced state running out). {@code from} and {@code to} may be equal when
 * only the forcing changed (forcing a closed circuit closed). Immutable.
 *
 * @param from   the state before
 * @param to     the state after
 * @param atNanos when it happened, by the breaker's ticker
 * @param cause  why, in words an operator can act on (e.g. "failure ratio 0.60 >= 0.50 over 20
 *               calls; last failure java.net.ConnectException: refused")
 * @param forced the forcing in force after the change, or null when the breaker is automatic
 * @param kind   what made the change
 */
public record Transition(CircuitState from, CircuitState to, long atNanos, String cause, Forced forced, Kind kind) {

    /** What made a change. */
    public enum Kind {
        /** the state machine, on a call's outcome or the first call after the delay */
        AUTOMATIC,
        /** an operator forced the state */
        FORCED,
        /** an operator handed the breaker back to the state machine */
        RELEASED,
        /** an operator reset the breaker */
        RESET,
        /** a forcing ran out */
        EXPIRED
    }
}
