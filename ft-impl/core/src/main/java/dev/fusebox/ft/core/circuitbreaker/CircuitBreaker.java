package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state machine of one circuit breaker (see {@link CircuitState} for its transitions).
 *
 * <p>Implementation notes. The whole state is the immutable {@link Phase} held in {@code phase};
 * every transition is one compareAndSet of that reference from the phase the deciding thread saw,
 * so of several threads that decide the same transition exactly one wins and reports it, and a
 * transition decided on a stale phase fails harmlessly. A call is admitted against a phase and its
 * outcome is recorded into that same phase: outcomes of calls admitted before a transition never
 * leak into the next phase. Linearization points: admission in CLOSED is the read of
 * {@code phase}; in HALF_OPEN the CAS on the phase's trial counter; OPEN to HALF_OPEN is the CAS of
 * {@code phase}. A half-open phase admits at most {@code successThreshold} trials in all and ends
 * with their first failure (to OPEN) or their last success (to CLOSED). Listeners run after a
 * successful CAS, never inside a retried update. Thread-safe.
 */
public final class CircuitBreaker {

    private static final System.Logger LOG = System.getLogger(CircuitBreaker.class.getName());

    private final String name;
    private final CircuitBreakerPolicy policy;
    private final Ticker ticker;
    private final CircuitBreakerListener listener;
    private final AtomicReference<Phase> phase;

    public CircuitBreaker(String name, CircuitBreakerPolicy policy, Ticker ticker, CircuitBreakerListener listener) {
        this.name = name;
        this.policy = policy;
        this.ticker = ticker;
        this.listener = listener;
        this.phase = new AtomicReference<>(Phase.initial(policy, ticker.nanoTime()));
    }

    public String name() {
        return name;
    }

    public CircuitBreakerPolicy policy() {
        return policy;
    }

    /** The current state; an open circuit whose delay has elapsed still reads OPEN until a call comes. */
    public CircuitState state() {
        return phase.get().state;
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

    /**
     * Admits a call, or returns {@code null} when the circuit rejects it. The returned token goes
     * back to {@link #record} with the call's outcome.
     */
    Phase tryAcquire() {
        while (true) {
            Phase current = phase.get();
            switch (current.state) {
                case CLOSED:
                    return current;
                case HALF_OPEN:
                    return current.tryAdmitTrial(policy.successThreshold()) ? current : null;
                default:
                    if (ticker.nanoTime() - current.enteredAt < policy.delayNanos()) {
                        return null;
                    }
                    moveTo(current, CircuitState.HALF_OPEN);
                    // loop: whoever won the CAS, the phase is half-open (or later) now
            }
        }
    }

    /**
     * Records the outcome of a call admitted in {@code admittedIn}; true when this outcome opened
     * the circuit (this thread won that transition).
     */
    boolean record(Phase admittedIn, boolean failure) {
        switch (admittedIn.state) {
            case CLOSED:
                return admittedIn.window.record(failure) && moveTo(admittedIn, CircuitState.OPEN);
            case HALF_OPEN:
                if (failure) {
                    return moveTo(admittedIn, CircuitState.OPEN);
                }
                if (admittedIn.successes.incrementAndGet() >= policy.successThreshold()) {
                    moveTo(admittedIn, CircuitState.CLOSED);
                }
                return false;
            default:
                return false; // calls are never admitted while open
        }
    }

    private boolean moveTo(Phase expected, CircuitState to) {
        Phase next = expected.next(to, policy, ticker.nanoTime());
        if (!phase.compareAndSet(expected, next)) {
            return false;
        }
        try {
            listener.onStateChange(this, expected.state, next.state);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "circuit breaker listener " + listener
                    + " failed on " + name + " " + expected.state + " -> " + next.state, e);
        }
        return true;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state() + "]";
    }
}
