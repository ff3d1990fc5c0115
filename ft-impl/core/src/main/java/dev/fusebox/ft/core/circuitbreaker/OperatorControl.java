package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.time.Ticker;

/**
 * An operator's control over one breaker's phase: force it into a state, hand it back to the state
 * machine, reset it. Each action is a transition of {@link CurrentPhase} with its own row in the
 * transition table (see {@link Transition.Kind#permits}): unlike the automatic transitions, a
 * forcing and a reset may leave any state.
 *
 * <p>Implementation notes. An action reads the phase, builds the phase it wants from it, and CASes;
 * when another transition (automatic or an operator's) won in between, it reads again and retries,
 * so an action always takes effect exactly once, on the phase current at its CAS, and an action and
 * an automatic transition never both win. A release finds nothing to do when the phase it reads
 * is not forced. A forcing's {@code since} is only reported, never used to decide (a forcing put
 * back after a restart carries the moment it was first forced). Thread-safe; holds no state of its
 * own beyond the phase it is given.
 */
final class OperatorControl {

    private final String name;
    private final CurrentPhase phase;
    private final Ticker ticker;

    OperatorControl(String name, CurrentPhase phase, Ticker ticker) {
        this.name = name;
        this.phase = phase;
        this.ticker = ticker;
    }

    /** See {@link CircuitBreaker#force(CircuitState, String, String, long, long)}. */
    Transition force(CircuitState state, String by, String reason, long sinceNanos, long untilNanos) {
        long now = ticker.nanoTime();
        if (untilNanos != Forced.NEVER && untilNanos - now <= 0) {
            throw new IllegalArgumentException("the expiry of forcing " + name + " " + state
                    + " is not in the future");
        }
        Forced forcing = new Forced(state, by, reason, sinceNanos, untilNanos);
        String cause = TransitionCauses.forced(forcing);
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

    /** See {@link CircuitBreaker#release(String)}. */
    Transition release(String by) {
        while (true) {
            Phase current = phase.get();
            if (current.forced == null) {
                return null;
            }
            Transition made = phase.swap(current, current.released(ticker.nanoTime()),
                    () -> TransitionCauses.released(by), Transition.Kind.RELEASED, phase.policy());
            if (made != null) {
                return made;
            }
        }
    }

    /** See {@link CircuitBreaker#reset(String, String)}. */
    Transition reset(String by, String reason) {
        String cause = TransitionCauses.reset(by, reason);
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
}
