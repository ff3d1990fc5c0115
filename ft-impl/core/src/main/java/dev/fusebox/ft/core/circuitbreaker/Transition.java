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
 * @param windowFailureRatio failures over recorded outcomes in the closed circuit's rolling window
 *               as the change left it (for an automatic CLOSED to OPEN, the ratio that tripped the
 *               breaker; an open circuit's own window is empty), or {@link #NO_RATIO} when the
 *               change did not start from CLOSED
 */
public record Transition(CircuitState from, CircuitState to, long atNanos, String cause, Forced forced, Kind kind,
                         double windowFailureRatio) {

    /** {@link #windowFailureRatio} of a change that did not start from CLOSED. */
    public static final double NO_RATIO = -1;

    /** A change that did not start from CLOSED, or whose window is not known. */
    public Transition(CircuitState from, CircuitState to, long atNanos, String cause, Forced forced, Kind kind) {
        this(from, to, atNanos, cause, forced, kind, NO_RATIO);
    }

    /**
     * What made a change, and the rows of the transition table for it. The breaker checks every
     * transition against {@link #permits} before making it. Immutable.
     *
     * <pre>
     * kind       from                 to
     * AUTOMATIC  see {@link CircuitState} (CLOSED to OPEN, OPEN to HALF_OPEN, HALF_OPEN to CLOSED or OPEN)
     * FORCED     any state            OPEN or CLOSED (an operator may force from anywhere)
     * RESET      any state            CLOSED
     * RELEASED   OPEN (forced)        HALF_OPEN (trial calls find out whether the dependency is back)
     *            CLOSED (forced)      CLOSED
     * EXPIRED    as RELEASED
     * </pre>
     */
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
        EXPIRED;

        /** Whether a change of this kind may go from {@code from} straight to {@code to}. */
        public boolean permits(CircuitState from, CircuitState to) {
            return switch (this) {
                case AUTOMATIC -> from.canMoveTo(to);
                case FORCED -> to != CircuitState.HALF_OPEN;
                case RESET -> to == CircuitState.CLOSED;
                case RELEASED, EXPIRED -> from == CircuitState.OPEN ? to == CircuitState.HALF_OPEN
                        : from == CircuitState.CLOSED && to == CircuitState.CLOSED;
            };
        }
    }
}
