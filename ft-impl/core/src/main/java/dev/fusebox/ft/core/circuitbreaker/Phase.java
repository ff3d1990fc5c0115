package dev.fusebox.ft.core.circuitbreaker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stay of a breaker in one state. A breaker's current phase is swapped as a whole by one CAS;
 * the counters inside belong to that stay only, so outcomes of calls admitted in an earlier phase
 * can be recognised and ignored. It also carries the time the breaker spent in each state before
 * this stay, so the totals need no lock either, and the operator's forcing, if any, so a forced
 * state and the state machine can never disagree. The references are immutable; the counters are
 * atomics.
 */
final class Phase {

    final CircuitState state;
    /** When this stay began, by the breaker's ticker (for OPEN: when the circuit opened). */
    final long enteredAt;
    /** Nanoseconds spent in each state (by ordinal) before this stay; never modified. */
    private final long[] before;
    /** CLOSED: the window of recent outcomes. */
    final RollingWindow window;
    /** The operator's forcing, or null while the state machine decides. */
    final Forced forced;
    /** HALF_OPEN: trial calls admitted so far. */
    final AtomicInteger trials;
    /** HALF_OPEN: trial calls that succeeded so far. */
    final AtomicInteger successes;

    private Phase(CircuitState state, long enteredAt, long[] before, RollingWindow window, Forced forced) {
        this.state = state;
        this.enteredAt = enteredAt;
        this.before = before;
        this.window = window;
        this.forced = forced;
        this.trials = state == CircuitState.HALF_OPEN ? new AtomicInteger() : null;
        this.successes = state == CircuitState.HALF_OPEN ? new AtomicInteger() : null;
    }

    /** The first phase of a new breaker. */
    static Phase initial(CircuitBreakerPolicy policy, long now) {
        return new Phase(CircuitState.CLOSED, now, new long[CircuitState.values().length], window(policy), null);
    }

    /** The automatic phase that follows this one in state {@code next}, entered at {@code now}. */
    Phase next(CircuitState next, CircuitBreakerPolicy policy, long now) {
        return after(next, now, next == CircuitState.CLOSED ? window(policy) : null, null);
    }

    /**
     * The phase {@code forcing} puts the breaker in. A circuit forced closed keeps recording
     * outcomes (operators watch its failure ratio), in the current window when it is closed already.
     */
    Phase forced(Forced to, CircuitBreakerPolicy policy, long now) {
        RollingWindow kept = to.state() != CircuitState.CLOSED ? null : window != null ? window : window(policy);
        return after(to.state(), now, kept, to);
    }

    /**
     * Back to automatic: a circuit forced open becomes half-open, so trial calls find out whether
     * the dependency is back; one forced closed stays closed with the outcomes it recorded.
     */
    Phase released(long now) {
        return state == CircuitState.CLOSED ? after(CircuitState.CLOSED, now, window, null)
                : after(CircuitState.HALF_OPEN, now, null, null);
    }

    /** The same stay with another window (the policy's window size or threshold changed). */
    Phase withWindow(RollingWindow replacement) {
        return new Phase(state, enteredAt, before, replacement, forced);
    }

    private Phase after(CircuitState next, long now, RollingWindow nextWindow, Forced nextForced) {
        long[] totals = before.clone();
        totals[state.ordinal()] += Math.max(0, now - enteredAt);
        return new Phase(next, now, totals, nextWindow, nextForced);
    }

    /** Nanoseconds the breaker has spent in {@code wanted} up to {@code now}. */
    long nanosIn(CircuitState wanted, long now) {
        long total = before[wanted.ordinal()];
        return state == wanted ? total + Math.max(0, now - enteredAt) : total;
    }

    static RollingWindow window(CircuitBreakerPolicy policy) {
        return new RollingWindow(policy.requestVolumeThreshold(), policy.failuresToOpen());
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
