package dev.fusebox.ft.core.circuitbreaker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stay of a breaker in one state. A breaker's current phase is swapped as a whole by one CAS;
 * the counters inside belong to that stay only, so outcomes of calls admitted in an earlier phase
 * can be recognised and ignored. The references are immutable; the counters are atomics.
 */
final class Phase {

    final CircuitState state;
    /** CLOSED: the window of recent outcomes. */
    final RollingWindow window;
    /** OPEN: when the circuit opened, by the breaker's ticker. */
    final long openedAt;
    /** HALF_OPEN: trial calls admitted so far. */
    final AtomicInteger trials;
    /** HALF_OPEN: trial calls that succeeded so far. */
    final AtomicInteger successes;

    private Phase(CircuitState state, RollingWindow window, long openedAt) {
        this.state = state;
        this.window = window;
        this.openedAt = openedAt;
        this.trials = state == CircuitState.HALF_OPEN ? new AtomicInteger() : null;
        this.successes = state == CircuitState.HALF_OPEN ? new AtomicInteger() : null;
    }

    static Phase closed(CircuitBreakerPolicy policy) {
        return new Phase(CircuitState.CLOSED,
                new RollingWindow(policy.requestVolumeThreshold(), policy.failuresToOpen()), 0);
    }

    static Phase open(long now) {
        return new Phase(CircuitState.OPEN, null, now);
    }

    static Phase halfOpen() {
        return new Phase(CircuitState.HALF_OPEN, null, 0);
    }

    /** Takes a trial permit in a half-open phase; false once {@code limit} trials were admitted. */
    boolean tryAdmitTrial(int limit) {
        int admitted = trials.get();
        while (admitted < limit) {
            if (trials.compareAndSet(admitted, admitted + 1)) {
                return true;
            }
            admitted = trials.get();
        }
        return false;
    }
}
