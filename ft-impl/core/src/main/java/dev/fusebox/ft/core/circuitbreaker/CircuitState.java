package dev.fusebox.ft.core.circuitbreaker;

/**
 * The states of a circuit breaker and the transitions the automatic state machine may take. The
 * breaker obeys this table: an automatic transition it does not list is refused (see
 * {@link Transition.Kind#permits}, which also holds the rows of the operator's actions). Immutable.
 *
 * <pre>
 * from       to         when
 * CLOSED     OPEN       the rolling window is full and its failure ratio reaches the threshold
 * OPEN       HALF_OPEN  the first call after the delay has elapsed
 * HALF_OPEN  CLOSED     successThreshold trial calls succeeded
 * HALF_OPEN  OPEN       a trial call failed
 * </pre>
 */
public enum CircuitState {
    CLOSED, OPEN, HALF_OPEN;

    /** Whether the automatic state machine may go from this state straight to {@code next}. */
    public boolean canMoveTo(CircuitState next) {
        return switch (this) {
            case CLOSED -> next == OPEN;
            case OPEN -> next == HALF_OPEN;
            case HALF_OPEN -> next == CLOSED || next == OPEN;
        };
    }
}
