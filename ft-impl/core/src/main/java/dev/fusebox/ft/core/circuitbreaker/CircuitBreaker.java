package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.time.Ticker;
import java.util.List;
import java.util.Locale;

/**
 * The state machine of one circuit breaker (see {@link CircuitState} for its transitions), and the
 * operator's controls over it: force open, force closed, release, reset, and a new policy at run
 * time.
 *
 * <p>Implementation notes. The whole state is the immutable {@link Phase} held by
 * {@link CurrentPhase}, changed only by one CAS per transition (see there: the delivery of
 * transitions in phase order, and how a new policy re-judges the current stay). A call is admitted
 * against a phase and its outcome is recorded into that same stay: outcomes of calls admitted
 * before a transition never leak into the next phase. Linearization points: admission in CLOSED is
 * the read of the phase; in HALF_OPEN the CAS on the stay's {@link HalfOpenTrials}; OPEN to
 * HALF_OPEN is the phase CAS; a record in CLOSED is the window's own (see {@link RollingWindow}),
 * and the circuit opens when that record's answer is yes: the window is linearizable, so every
 * opening is the decision of one order of the records. A record whose window was replaced by a new
 * window size after it was counted still opens the stay (same {@code seq}). A half-open stay ends
 * with its first failed trial (to OPEN) or when its successes reach the success threshold in force
 * (to CLOSED). Operator actions are CASes of the same phase, so an action and an automatic
 * transition never both win; a forced phase carries its {@link Forced} and the automatic
 * transitions leave it alone (they are decided only on phases without one). A forcing runs out
 * when a call, an action or a read finds it expired. A forcing's {@code since} is only reported,
 * never used to decide (a forcing put back after a restart carries the moment it was first
 * forced). Thread-safe.
 */
public final class CircuitBreaker {

    /** Transitions kept for operators. */
    public static final int HISTORY = 20;

    private final String name;
    private final Ticker ticker;
    private final TransitionDelivery delivery = new TransitionDelivery(HISTORY);
    private final CurrentPhase phase;

    public CircuitBreaker(String name, CircuitBreakerPolicy policy, Ticker ticker, CircuitBreakerListener listener) {
        this.name = name;
        this.ticker = ticker;
        if (listener != CircuitBreakerListener.NONE) {
            delivery.listen(listener);
        }
        this.phase = new CurrentPhase(this, policy, ticker, delivery);
    }

    public String name() {
        return name;
    }

    public CircuitBreakerPolicy policy() {
        return phase.policy();
    }

    public Ticker ticker() {
        return ticker;
    }

    /** The current state; an open circuit whose delay has elapsed still reads OPEN until a call comes. */
    public CircuitState state() {
        return phase.unexpired().state;
    }

    /** The operator's forcing in force, or null. */
    public Forced forced() {
        return phase.unexpired().forced;
    }

    /** Nanoseconds this breaker has spent in {@code state} since it was created. */
    public long nanosIn(CircuitState state) {
        return phase.get().nanosIn(state, ticker.nanoTime());
    }

    /** Failures in the closed circuit's rolling window (0 in other states). */
    public int windowFailures() {
        Phase current = phase.get();
        return current.window == null ? 0 : current.window.failures();
    }

    /** Outcomes in the closed circuit's rolling window (0 in other states). */
    public int windowSize() {
        Phase current = phase.get();
        return current.window == null ? 0 : current.window.recorded();
    }

    /** Everything an operator looks at, read at one moment (the window may race with calls). */
    public CircuitBreakerSnapshot snapshot() {
        Phase current = phase.unexpired();
        long now = ticker.nanoTime();
        RollingWindow window = current.window;
        long trials = current.trials == null ? 0 : current.trials.read();
        CircuitBreakerPolicy inForce = phase.policy();
        return new CircuitBreakerSnapshot(name, current.state, current.forced, Math.max(0, now - current.enteredAt),
                inForce.requestVolumeThreshold(), window == null ? 0 : window.recorded(),
                window == null ? 0 : window.failures(), window == null ? "" : window.contents(),
                HalfOpenTrials.admitted(trials), HalfOpenTrials.admitted(trials) - HalfOpenTrials.succeeded(trials),
                inForce, transitions());
    }

    /** The most recent transitions (at most {@link #HISTORY}), oldest first. */
    public List<Transition> transitions() {
        return delivery.history();
    }

    /**
     * Registers a listener for every transition from now on; close the returned handle to stop.
     * Transitions reach the listeners in the order they were made, one at a time.
     */
    public AutoCloseable listen(CircuitBreakerListener listener) {
        delivery.listen(listener);
        return () -> delivery.stopListening(listener);
    }

    /**
     * Admits a call, or returns {@code null} when the circuit rejects it. The returned token goes
     * back to {@link #record} with the call's outcome.
     */
    Phase tryAcquire() {
        while (true) {
            Phase current = phase.get();
            switch (current.state) {
                case CLOSED:
                    if (current.forced != null && current.forced.expiredAt(ticker.nanoTime())) {
                        phase.expire(current);
                        continue;
                    }
                    return current;
                case HALF_OPEN:
                    return current.trials.tryAdmit(phase.policy().successThreshold()) ? current : null;
                default:
                    if (current.forced != null) {
                        if (!current.forced.expiredAt(ticker.nanoTime())) {
                            return null;
                        }
                        phase.expire(current);
                        continue;
                    }
                    long open = ticker.nanoTime() - current.enteredAt;
                    if (open < phase.policy().delayNanos()) {
                        return null;
                    }
                    phase.moveTo(current, CircuitState.HALF_OPEN, null);
                    // loop: whoever won the CAS, the phase is half-open (or later) now
            }
        }
    }

    /**
     * Records the outcome of a call admitted in {@code admittedIn}; true when this outcome opened
     * the circuit (this thread won that transition).
     */
    boolean record(Phase admittedIn, boolean failure) {
        return record(admittedIn, failure, null);
    }

    /**
     * Records the outcome of a call admitted in {@code admittedIn}, {@code thrown} being what it
     * threw (named in the cause of a transition it triggers); true when this outcome opened the
     * circuit (this thread won that transition).
     */
    boolean record(Phase admittedIn, boolean failure, Throwable thrown) {
        switch (admittedIn.state) {
            case CLOSED:
                return admittedIn.window.record(failure) && admittedIn.forced == null && open(admittedIn, thrown);
            case HALF_OPEN:
                if (failure) {
                    return phase.moveTo(admittedIn, CircuitState.OPEN, thrown);
                }
                if (admittedIn.trials.succeed() >= phase.policy().successThreshold()) {
                    phase.moveTo(admittedIn, CircuitState.CLOSED, null);
                }
                return false;
            default:
                return false; // calls are admitted while open only when forced closed (a CLOSED phase)
        }
    }

    /** Opens the closed stay {@code decidedIn}, also when its window was replaced since (same seq). */
    private boolean open(Phase decidedIn, Throwable thrown) {
        Phase current = decidedIn;
        while (current.seq == decidedIn.seq) {
            if (phase.moveTo(current, CircuitState.OPEN, thrown)) {
                return true;
            }
            current = phase.get();
        }
        return false;
    }

    /**
     * Forces the circuit into {@code forced.state()} until released, reset or expired, replacing
     * any earlier forcing. Returns the transition it made.
     */
    public Transition force(CircuitState state, String by, String reason, long untilNanos) {
        return force(state, by, reason, ticker.nanoTime(), untilNanos);
    }

    /**
     * As {@link #force(CircuitState, String, String, long)}, for a forcing that began at
     * {@code sinceNanos} (by this breaker's ticker, possibly before it existed): a forcing put back
     * after a restart keeps the moment the operator forced it.
     */
    public Transition force(CircuitState state, String by, String reason, long sinceNanos, long untilNanos) {
        long now = ticker.nanoTime();
        if (untilNanos != Forced.NEVER && untilNanos - now <= 0) {
            throw new IllegalArgumentException("the expiry of forcing " + name + " " + state
                    + " is not in the future");
        }
        Forced forcing = new Forced(state, by, reason, sinceNanos, untilNanos);
        String cause = "forced " + state.name().toLowerCase(Locale.ROOT) + " by " + by + ": " + reason;
        while (true) {
            CircuitBreakerPolicy inForce = phase.policy();
            Phase current = phase.get();
            Transition made = phase.swap(current, current.forced(forcing, inForce, ticker.nanoTime()), () -> cause,
                    Transition.Kind.FORCED, inForce);
            if (made != null) {
                return made;
            }
        }
    }

    /**
     * Hands the circuit back to the state machine: forced open becomes half-open (trial calls probe
     * the dependency), forced closed stays closed with its window. Returns the transition, or null
     * when the circuit was not forced.
     */
    public Transition release(String by) {
        while (true) {
            Phase current = phase.get();
            if (current.forced == null) {
                return null;
            }
            Transition made = phase.swap(current, current.released(ticker.nanoTime()), () -> "released by " + by,
                    Transition.Kind.RELEASED, phase.policy());
            if (made != null) {
                return made;
            }
        }
    }

    /** Closes the circuit with an empty window and drops any forcing. Returns the transition. */
    public Transition reset(String by, String reason) {
        String cause = "reset by " + by + (reason == null || reason.isBlank() ? "" : ": " + reason);
        while (true) {
            CircuitBreakerPolicy inForce = phase.policy();
            Phase current = phase.get();
            Transition made = phase.swap(current, current.next(CircuitState.CLOSED, inForce, ticker.nanoTime()),
                    () -> cause, Transition.Kind.RESET, inForce);
            if (made != null) {
                return made;
            }
        }
    }

    /**
     * Puts a new policy in force without losing state, and re-judges the current stay by it: the
     * window keeps its outcomes (resized to a new request volume, most recent kept) and the next
     * outcome is judged by the new failure ratio; a new delay governs the current open stay, counted
     * from when it opened; a new success threshold decides the current half-open stay with the
     * trials it has (enough successes already close it; a lower threshold admits no more trials once
     * it is reached, a higher one admits more). Calls admitted into a window that a new size
     * replaced, and still running, are not counted.
     */
    public void reconfigure(CircuitBreakerPolicy replacement) {
        phase.reconfigure(replacement);
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state() + "]";
    }
}
