package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.invocation.RejectingBreaker;
import dev.fusebox.ft.core.metrics.ShadowMode;
import dev.fusebox.ft.core.time.Ticker;
import java.util.List;

/**
 * One circuit breaker as its users see it: what state it is in (reads and snapshots), who hears
 * its transitions, and the entry points of calls and operators. The work is done by four parts,
 * each one thing: {@link CurrentPhase} holds the phase and the policy and makes every transition
 * (one CAS, checked against the transition table of {@link CircuitState} and
 * {@link Transition.Kind}); {@link CallAdmission} is the automatic state machine as calls drive
 * it; {@link OperatorControl} is the operator's force, release and reset; {@link TransitionDelivery}
 * keeps the history and tells the listeners.
 *
 * <p>Implementation notes. The whole state is the immutable {@link Phase} held by
 * {@link CurrentPhase}; this class keeps no mutable state of its own and every method reads or
 * changes it through those parts (their notes give the invariants and linearization points). A
 * read that finds a forcing run out lets it go first (a transition), so a read may deliver a
 * transition to the listeners on the reading thread. A snapshot reads the phase once; its window
 * counts may race with calls recording into that window. {@link #remainingOpenNanos()} reads the
 * phase once and the ticker at most once and makes no transition (an expired forcing reads 0): it
 * is called from a rejection's accessor, possibly long after the rejection, and a transition made
 * meanwhile only makes the answer that of the newer phase.
 *
 * <p>Shadow mode ({@link #setShadow}, switched at run time, off when made): the breaker decides
 * every call as if it enforced, and its state machine runs on exactly as an enforcing one would:
 * a call it would reject runs without being recorded and is counted ({@link #wouldReject()}), so
 * the phases, transitions and history are those an enforcing breaker would have made of the same
 * calls and outcomes (see {@link CallAdmission}). An operator's forcing open is enforced in shadow
 * mode too. Caveat for whoever reads the state: the outcomes recorded come from calls made at full
 * load, where an enforcing breaker would have shed load, so a recovering dependency may look worse
 * than it would under enforcement. Thread-safe.
 */
public final class CircuitBreaker implements RejectingBreaker {

    /** Transitions kept for operators. */
    public static final int HISTORY = 20;

    private final String name;
    private final Ticker ticker;
    private final TransitionDelivery delivery = new TransitionDelivery(HISTORY);
    private final CurrentPhase phase;
    private final CallAdmission calls;
    private final OperatorControl operator;
    private final ShadowMode shadow = new ShadowMode();

    public CircuitBreaker(String name, CircuitBreakerPolicy policy, Ticker ticker, CircuitBreakerListener listener) {
        this.name = name;
        this.ticker = ticker;
        if (listener != CircuitBreakerListener.NONE) {
            delivery.listen(listener);
        }
        this.phase = new CurrentPhase(this, policy, ticker, delivery);
        this.calls = new CallAdmission(phase, ticker, shadow);
        this.operator = new OperatorControl(name, phase, ticker);
    }

    @Override
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

    /**
     * How long this open circuit goes on rejecting calls, in nanoseconds, read at one moment (one
     * clock read): the rest of the policy's delay (0 once it elapsed, until a call makes the circuit
     * half-open), the rest of an operator's forcing, or {@link Long#MAX_VALUE} for a forcing without
     * end; 0 when the circuit is not open (a half-open circuit out of trial permits rejects too, for
     * as long as its trial calls take). What an HTTP service derives {@code Retry-After} from.
     */
    @Override
    public long remainingOpenNanos() {
        Phase current = phase.get();
        if (current.state != CircuitState.OPEN) {
            return 0;
        }
        if (current.forced != null && current.forced.untilNanos() == Forced.NEVER) {
            return Long.MAX_VALUE;
        }
        long now = ticker.nanoTime();
        long end = current.forced != null ? current.forced.untilNanos() : current.enteredAt + phase.policy().delayNanos();
        return Math.max(0, end - now);
    }

    /**
     * Whether this breaker runs in shadow mode: it decides as if it enforced but lets the calls it
     * would reject run, and counts them ({@link #wouldReject()}).
     */
    public boolean isShadow() {
        return shadow.isOn();
    }

    /**
     * Switches shadow mode on or off at run time; the next call it refuses is let through (counted)
     * or rejected accordingly. The state machine goes on as before either way.
     */
    public void setShadow(boolean on) {
        shadow.set(on);
    }

    /** Calls let through in shadow mode that an enforcing breaker would have rejected, since it was made. */
    public long wouldReject() {
        return shadow.wouldReject();
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
     * Admits a call, or returns {@code null} when the circuit rejects it, or, in shadow mode, returns
     * {@link Phase#SHADOWED} for a call it would reject (counted in {@link #wouldReject()}): run it
     * and record nothing. The returned token of an admitted call goes back to {@link #record} with
     * the call's outcome.
     */
    Phase tryAcquire() {
        return calls.tryAcquire();
    }

    /**
     * Records the outcome of a call admitted in {@code admittedIn}; true when this outcome opened
     * the circuit (this thread won that transition).
     */
    boolean record(Phase admittedIn, boolean failure) {
        return calls.record(admittedIn, failure, null);
    }

    /**
     * Records the outcome of a call admitted in {@code admittedIn}, {@code thrown} being what it
     * threw (named in the cause of a transition it triggers); true when this outcome opened the
     * circuit (this thread won that transition).
     */
    boolean record(Phase admittedIn, boolean failure, Throwable thrown) {
        return calls.record(admittedIn, failure, thrown);
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
        return operator.force(state, by, reason, sinceNanos, untilNanos);
    }

    /**
     * Hands the circuit back to the state machine: forced open becomes half-open (trial calls probe
     * the dependency), forced closed stays closed with its window. Returns the transition, or null
     * when the circuit was not forced.
     */
    public Transition release(String by) {
        return operator.release(by);
    }

    /** Closes the circuit with an empty window and drops any forcing. Returns the transition. */
    public Transition reset(String by, String reason) {
        return operator.reset(by, reason);
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
