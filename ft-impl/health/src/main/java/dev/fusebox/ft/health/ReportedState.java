package dev.fusebox.ft.health;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerSnapshot;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;

/**
 * A breaker's state as the readiness check reports it, read from one snapshot. Apart from the
 * three states of the machine it says who holds the state (an operator's forcing) and whether an
 * open breaker's delay is over: an open breaker admits no call until its delay is over, and then
 * the next call is a trial, but it reads OPEN until that call comes (see
 * {@code CircuitBreaker#state()}). Immutable.
 */
enum ReportedState {
    CLOSED, HALF_OPEN,
    /** Open, its delay not over: calls fail fast. */
    OPEN,
    /** Open, its delay over: the next call is a trial call. */
    OPEN_TRIAL_DUE,
    FORCED_OPEN, FORCED_CLOSED;

    /**
     * Whether a critical breaker in this state makes the instance not ready: only while calls
     * would fail fast for a while yet. Half-open and open-with-trial-due are ready, because
     * trial calls must reach this instance for the breaker to close again: an instance taken out
     * of service gets no calls, and its breaker would never leave OPEN.
     */
    boolean notReady() {
        return this == OPEN || this == FORCED_OPEN;
    }

    static ReportedState of(CircuitBreakerSnapshot snapshot) {
        if (snapshot.forced() != null) {
            return snapshot.state() == CircuitState.OPEN ? FORCED_OPEN : FORCED_CLOSED;
        }
        return switch (snapshot.state()) {
            case CLOSED -> CLOSED;
            case HALF_OPEN -> HALF_OPEN;
            case OPEN -> snapshot.nanosInState() >= snapshot.policy().delayNanos() ? OPEN_TRIAL_DUE : OPEN;
        };
    }
}
