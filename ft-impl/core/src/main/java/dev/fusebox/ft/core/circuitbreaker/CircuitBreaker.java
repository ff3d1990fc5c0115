package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.time.Ticker;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The state machine of one circuit breaker (see {@link CircuitState} for its transitions), and the
 * operator's controls over it: force open, force closed, release, reset, and a new policy at run
 * time.
 *
 * <p>Implementation notes. The whole state is the immutable {@link Phase} held in {@code phase};
 * every transition is one compareAndSet of that reference from the phase the deciding thread saw,
 * so of several threads that decide the same transition exactly one wins and reports it, and a
 * transition decided on a stale phase fails harmlessly. A call is admitted against a phase and its
 * outcome is recorded into that same phase: outcomes of calls admitted before a transition never
 * leak into the next phase. Linearization points: admission in CLOSED is the read of
 * {@code phase}; in HALF_OPEN the CAS on the phase's trial counter; OPEN to HALF_OPEN is the CAS of
 * {@code phase}. A half-open phase admits at most {@code successThreshold} trials in all and ends
 * with their first failure (to OPEN) or their last success (to CLOSED). Operator actions are CASes
 * of the same reference, so an action and an automatic transition never both win; a forced phase
 * carries its {@link Forced} and the automatic transitions leave it alone (they are decided only
 * on phases without one). A forcing runs out when a call, an action or a read finds it expired.
 * A forcing's {@code since} is only reported, never used to decide (a forcing put back after a
 * restart carries the moment it was first forced).
 * Listeners run after a successful CAS, never inside a retried update. Thread-safe.
 */
public final class CircuitBreaker {

    private static final System.Logger LOG = System.getLogger(CircuitBreaker.class.getName());
    /** Transitions kept for operators. */
    public static final int HISTORY = 20;

    private final String name;
    private volatile CircuitBreakerPolicy policy;
    private final Ticker ticker;
    private final AtomicReference<Phase> phase;
    private final List<CircuitBreakerListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Transition> history = new ArrayDeque<>(HISTORY);

    public CircuitBreaker(String name, CircuitBreakerPolicy policy, Ticker ticker, CircuitBreakerListener listener) {
        this.name = name;
        this.policy = policy;
        this.ticker = ticker;
        if (listener != CircuitBreakerListener.NONE) {
            listeners.add(listener);
        }
        this.phase = new AtomicReference<>(Phase.initial(policy, ticker.nanoTime()));
    }

    public String name() {
        return name;
    }

    public CircuitBreakerPolicy policy() {
        return policy;
    }

    public Ticker ticker() {
        return ticker;
    }

    /** The current state; an open circuit whose delay has elapsed still reads OPEN until a call comes. */
    public CircuitState state() {
        return current().state;
    }

    /** The operator's forcing in force, or null. */
    public Forced forced() {
        return current().forced;
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
        Phase current = current();
        long now = ticker.nanoTime();
        RollingWindow window = current.window;
        CircuitBreakerPolicy inForce = policy;
        return new CircuitBreakerSnapshot(name, current.state, current.forced, Math.max(0, now - current.enteredAt),
                inForce.requestVolumeThreshold(), window == null ? 0 : window.recorded(),
                window == null ? 0 : window.failures(), window == null ? "" : window.contents(), inForce,
                transitions());
    }

    /** The most recent transitions (at most {@link #HISTORY}), oldest first. */
    public List<Transition> transitions() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Registers a listener for every transition from now on; close the returned handle to stop. */
    public AutoCloseable listen(CircuitBreakerListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
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
                        expire(current);
                        continue;
                    }
                    return current;
                case HALF_OPEN:
                    return current.tryAdmitTrial(policy.successThreshold()) ? current : null;
                default:
                    if (current.forced != null) {
                        if (!current.forced.expiredAt(ticker.nanoTime())) {
                            return null;
                        }
                        expire(current);
                        continue;
                    }
                    long open = ticker.nanoTime() - current.enteredAt;
                    if (open < policy.delayNanos()) {
                        return null;
                    }
                    moveTo(current, CircuitState.HALF_OPEN, null);
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
                return admittedIn.window.record(failure) && admittedIn.forced == null
                        && moveTo(admittedIn, CircuitState.OPEN, thrown);
            case HALF_OPEN:
                if (failure) {
                    return moveTo(admittedIn, CircuitState.OPEN, thrown);
                }
                if (admittedIn.successes.incrementAndGet() >= policy.successThreshold()) {
                    moveTo(admittedIn, CircuitState.CLOSED, null);
                }
                return false;
            default:
                return false; // calls are admitted while open only when forced closed (a CLOSED phase)
        }
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
            Phase current = phase.get();
            Phase next = current.forced(forcing, policy, ticker.nanoTime());
            Transition made = swap(current, next, cause, Transition.Kind.FORCED);
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
            Transition made = swap(current, current.released(ticker.nanoTime()), "released by " + by,
                    Transition.Kind.RELEASED);
            if (made != null) {
                return made;
            }
        }
    }

    /** Closes the circuit with an empty window and drops any forcing. Returns the transition. */
    public Transition reset(String by, String reason) {
        String cause = "reset by " + by + (reason == null || reason.isBlank() ? "" : ": " + reason);
        while (true) {
            Phase current = phase.get();
            Transition made = swap(current, current.next(CircuitState.CLOSED, policy, ticker.nanoTime()), cause,
                    Transition.Kind.RESET);
            if (made != null) {
                return made;
            }
        }
    }

    /**
     * Puts a new policy in force without losing state: the window keeps its outcomes (resized to a
     * new request volume, most recent kept) and the next outcome is judged by the new failure
     * ratio; a new delay or success threshold governs the current open or half-open stay.
     */
    public void reconfigure(CircuitBreakerPolicy replacement) {
        policy = replacement;
        while (true) {
            Phase current = phase.get();
            RollingWindow window = current.window;
            if (window == null) {
                return;
            }
            if (window.size() == replacement.requestVolumeThreshold()) {
                window.retarget(replacement.failuresToOpen());
                return;
            }
            RollingWindow resized = window.resized(replacement.requestVolumeThreshold(), replacement.failuresToOpen());
            if (phase.compareAndSet(current, current.withWindow(resized))) {
                return;
            }
        }
    }

    /** The current phase, after letting a forcing that has run out go. */
    private Phase current() {
        while (true) {
            Phase current = phase.get();
            if (current.forced == null || !current.forced.expiredAt(ticker.nanoTime())) {
                return current;
            }
            expire(current);
        }
    }

    private void expire(Phase current) {
        swap(current, current.released(ticker.nanoTime()), "forcing by " + current.forced.by() + " expired",
                Transition.Kind.EXPIRED);
    }

    private boolean moveTo(Phase expected, CircuitState to, Throwable thrown) {
        Phase next = expected.next(to, policy, ticker.nanoTime());
        return swap(expected, next, () -> cause(expected, to, thrown), Transition.Kind.AUTOMATIC) != null;
    }

    private Transition swap(Phase expected, Phase next, String cause, Transition.Kind kind) {
        return swap(expected, next, () -> cause, kind);
    }

    private Transition swap(Phase expected, Phase next, Supplier<String> cause, Transition.Kind kind) {
        if (!phase.compareAndSet(expected, next)) {
            return null;
        }
        Transition transition = new Transition(expected.state, next.state, next.enteredAt, cause.get(), next.forced,
                kind);
        synchronized (history) {
            if (history.size() == HISTORY) {
                history.removeFirst();
            }
            history.addLast(transition);
        }
        for (CircuitBreakerListener listener : listeners) {
            try {
                listener.onTransition(this, transition);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "circuit breaker listener " + listener
                        + " failed on " + name + " " + expected.state + " -> " + next.state, e);
            }
        }
        return transition;
    }

    private String cause(Phase from, CircuitState to, Throwable thrown) {
        CircuitBreakerPolicy inForce = policy;
        return switch (from.state) {
            case CLOSED -> String.format(Locale.ROOT, "failure ratio %.2f >= %.2f over %d calls%s",
                    (double) from.window.failures() / inForce.requestVolumeThreshold(), inForce.failureRatio(),
                    inForce.requestVolumeThreshold(), lastFailure(thrown));
            case OPEN -> String.format(Locale.ROOT, "delay of %d ms elapsed", inForce.delayNanos() / 1_000_000);
            case HALF_OPEN -> to == CircuitState.CLOSED
                    ? String.format(Locale.ROOT, "%d trial calls succeeded", inForce.successThreshold())
                    : "trial call failed" + lastFailure(thrown);
        };
    }

    private static String lastFailure(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        String message = thrown.getMessage();
        return "; last failure " + thrown.getClass().getName() + (message == null ? "" : ": " + message);
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state() + "]";
    }
}
