package dev.fusebox.ft.core.circuitbreaker;

/**
 * One stay of a breaker in one state. A breaker's current phase is swapped as a whole by one CAS;
 * the counters inside belong to that stay only, so outcomes of calls admitted in an earlier phase
 * can be recognised and ignored. It also carries the time the breaker spent in each state before
 * this stay, so the totals need no lock either, and the operator's forcing, if any, so a forced
 * state and the state machine can never disagree.
 *
 * <p>Implementation notes. The references are immutable; the window and the trial counts are
 * lock-free objects of their own. {@code seq} numbers the stays: each transition makes a phase
 * whose {@code seq} is one more than the phase it replaced, and since a transition is a CAS from
 * the phase it read, the CASes that succeed form one chain and no two phases of one breaker made
 * by transitions share a {@code seq}. That number is the phase order in which transitions are
 * delivered to the history and the listeners. {@link #withWindow} (a new window size, not a
 * transition) keeps the {@code seq}: the two phase objects are the same stay, which is how an
 * outcome recorded into the earlier one can still open the circuit from the later one.
 * {@link #SHADOWED} is a marker, not a stay: it never enters {@link CurrentPhase}.
 */
final class Phase {

    /**
     * Not a stay: what admission hands a call that the breaker refused and lets run in shadow mode
     * (see {@link CallAdmission}). It is never the current phase, and its outcome is recorded nowhere:
     * its state is OPEN, in which {@link CallAdmission#record} records nothing.
     */
    static final Phase SHADOWED = new Phase(-1, CircuitState.OPEN, 0, new long[CircuitState.values().length], null,
            null, null);

    /** Transitions the breaker had made when this stay began. */
    final long seq;
    final CircuitState state;
    /** When this stay began, by the breaker's ticker (for OPEN: when the circuit opened). */
    final long enteredAt;
    /** Nanoseconds spent in each state (by ordinal) before this stay; never modified. */
    private final long[] before;
    /** CLOSED: the window of recent outcomes. */
    final RollingWindow window;
    /** The operator's forcing, or null while the state machine decides. */
    final Forced forced;
    /** HALF_OPEN: the trial calls admitted and succeeded so far. */
    final HalfOpenTrials trials;

    private Phase(long seq, CircuitState state, long enteredAt, long[] before, RollingWindow window, Forced forced,
                  HalfOpenTrials trials) {
        this.seq = seq;
        this.state = state;
        this.enteredAt = enteredAt;
        this.before = before;
        this.window = window;
        this.forced = forced;
        this.trials = trials;
    }

    /** The first phase of a new breaker. */
    static Phase initial(CircuitBreakerPolicy policy, long now) {
        return new Phase(0, CircuitState.CLOSED, now, new long[CircuitState.values().length], window(policy), null,
                null);
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

    /** The same stay with another window (the policy's window size changed); not a transition. */
    Phase withWindow(RollingWindow replacement) {
        return new Phase(seq, state, enteredAt, before, replacement, forced, trials);
    }

    private Phase after(CircuitState next, long now, RollingWindow nextWindow, Forced nextForced) {
        long[] totals = before.clone();
        totals[state.ordinal()] += Math.max(0, now - enteredAt);
        return new Phase(seq + 1, next, now, totals, nextWindow, nextForced,
                next == CircuitState.HALF_OPEN ? new HalfOpenTrials() : null);
    }

    /** Nanoseconds the breaker has spent in {@code wanted} up to {@code now}. */
    long nanosIn(CircuitState wanted, long now) {
        long total = before[wanted.ordinal()];
        return state == wanted ? total + Math.max(0, now - enteredAt) : total;
    }

    static RollingWindow window(CircuitBreakerPolicy policy) {
        return new RollingWindow(policy.requestVolumeThreshold(), policy.failuresToOpen());
    }
}
