package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The phase one breaker is in, the policy its phases are judged by, and the one way to change the
 * phase: a transition CAS whose transition is then delivered.
 *
 * <p>Implementation notes. Every transition is one compareAndSet of {@code phase} from the phase
 * the deciding thread saw ({@link #swap}), so of several threads that decide the same transition
 * exactly one wins, and a transition decided on a stale phase fails harmlessly. Before its CAS a
 * transition is checked against the table of its kind ({@link Transition.Kind#permits}); one the
 * table does not list is refused with an exception and changes nothing. The winner hands
 * the transition to {@link TransitionDelivery}, which brings it to the history and the listeners in
 * phase order, exactly once. Its cause and its window failure ratio (the ratio that tripped an
 * automatic opening) are read from the phase it left after the CAS: a call admitted just before it
 * may still record its outcome into that window, so both may count one outcome more than the
 * deciding thread saw; harmless, both describe the same window at the same moment, and the window
 * no longer decides anything.
 *
 * <p>A new policy is written to {@code policy}, then {@link #settle} makes the current stay obey
 * it: a new window size replaces the window by a copy of its latest outcomes (the old window is
 * sealed first, see {@link RollingWindow#resized}; the copy is the same stay, same {@code seq}), a
 * new failure ratio retargets the window, a success threshold that the half-open stay's successes
 * already reach closes it. The delay needs nothing: every call reads it, so it governs the current
 * open stay from when it opened. Why races with calls are harmless: every decision reads
 * {@code policy} after the counter it judges, and {@code settle} reads the counters after writing
 * {@code policy}; all are volatile, so of a trial's success and a new threshold at least one sees
 * the other and closes the stay (both may try; one CAS wins). Likewise every transition builds its
 * next phase from the policy it read and, after its CAS, settles if {@code policy} has changed
 * since, while {@code settle} reads {@code phase} after the write: a stay that begins during a
 * change gets the new policy either way. {@code settle} repeats until the policy it applied is
 * still the one in force, so of several changes at once the last one wins, and it never takes a
 * sealed window for a settled one. Thread-safe.
 */
final class CurrentPhase {

    private final CircuitBreaker breaker;
    private final Ticker ticker;
    private final TransitionDelivery delivery;
    private final AtomicReference<Phase> phase;
    private volatile CircuitBreakerPolicy policy;

    CurrentPhase(CircuitBreaker breaker, CircuitBreakerPolicy policy, Ticker ticker, TransitionDelivery delivery) {
        this.breaker = breaker;
        this.ticker = ticker;
        this.delivery = delivery;
        this.policy = policy;
        this.phase = new AtomicReference<>(Phase.initial(policy, ticker.nanoTime()));
    }

    Phase get() {
        return phase.get();
    }

    CircuitBreakerPolicy policy() {
        return policy;
    }

    /** Puts {@code replacement} in force and makes the current stay obey it. */
    void reconfigure(CircuitBreakerPolicy replacement) {
        policy = replacement;
        settle();
    }

    /** The current phase, after letting a forcing that has run out go. */
    Phase unexpired() {
        while (true) {
            Phase current = phase.get();
            if (current.forced == null || !current.forced.expiredAt(ticker.nanoTime())) {
                return current;
            }
            expire(current);
        }
    }

    void expire(Phase current) {
        swap(current, current.released(ticker.nanoTime()), () -> TransitionCauses.expired(current.forced),
                Transition.Kind.EXPIRED, policy);
    }

    /** The automatic transition from {@code expected} to {@code to}; true when this thread made it. */
    boolean moveTo(Phase expected, CircuitState to, Throwable thrown) {
        CircuitBreakerPolicy inForce = policy;
        Phase next = expected.next(to, inForce, ticker.nanoTime());
        return swap(expected, next, () -> TransitionCauses.automatic(expected, to, thrown, inForce),
                Transition.Kind.AUTOMATIC, inForce) != null;
    }

    /**
     * The transition CAS; on success hands the transition to the delivery and, when the policy
     * changed after {@code next} was built with {@code builtWith}, settles the new stay. Returns the
     * transition, or null when {@code expected} was no longer current.
     *
     * @throws IllegalStateException when the transition table has no row for this move of this kind
     *                               (a bug in the caller; nothing is changed)
     */
    Transition swap(Phase expected, Phase next, Supplier<String> cause, Transition.Kind kind,
                    CircuitBreakerPolicy builtWith) {
        if (!kind.permits(expected.state, next.state)) {
            throw new IllegalStateException("circuit breaker " + breaker.name() + ": " + kind + " transition "
                    + expected.state + " -> " + next.state + " is not in the transition table");
        }
        if (!phase.compareAndSet(expected, next)) {
            return null;
        }
        Transition transition = new Transition(expected.state, next.state, next.enteredAt, cause.get(), next.forced,
                kind, windowFailureRatio(expected));
        delivery.publish(breaker, next.seq, transition);
        if (policy != builtWith) {
            settle();
        }
        return transition;
    }

    /**
     * The closed window's failure ratio as the change leaves it (read after the CAS, like the cause:
     * a call admitted before it may still record into that window, which moves the figure by at
     * most that call's outcome).
     */
    private static double windowFailureRatio(Phase left) {
        if (left.state != CircuitState.CLOSED) {
            return Transition.NO_RATIO;
        }
        int recorded = left.window.recorded();
        return recorded == 0 ? 0 : (double) left.window.failures() / recorded;
    }

    private void settle() {
        while (true) {
            CircuitBreakerPolicy inForce = policy;
            if (settled(phase.get(), inForce) && policy == inForce) {
                return;
            }
        }
    }

    /** Brings {@code current} in line with {@code inForce}; false when it lost a CAS and must look again. */
    private boolean settled(Phase current, CircuitBreakerPolicy inForce) {
        if (current.state == CircuitState.CLOSED) {
            RollingWindow window = current.window;
            if (window.size() != inForce.requestVolumeThreshold() || window.sealed()) {
                RollingWindow resized = window.resized(inForce.requestVolumeThreshold(), inForce.failuresToOpen());
                return phase.compareAndSet(current, current.withWindow(resized));
            }
            window.retarget(inForce.failuresToOpen());
        } else if (current.state == CircuitState.HALF_OPEN && current.forced == null) {
            int succeeded = HalfOpenTrials.succeeded(current.trials.read());
            if (succeeded >= inForce.successThreshold()) {
                Phase next = current.next(CircuitState.CLOSED, inForce, ticker.nanoTime());
                return swap(current, next, () -> TransitionCauses.thresholdReached(succeeded, inForce),
                        Transition.Kind.AUTOMATIC, inForce) != null;
            }
        }
        return true;
    }
}
