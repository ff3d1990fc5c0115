package dev.fusebox.console.feed;

import dev.fusebox.ft.management.CircuitBreakerSettings;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.StateTransition;
import java.util.List;
import java.util.Optional;

/**
 * A circuit breaker's attributes as read from its MXBean at one moment.
 *
 * <p>Thread-safety: an immutable record (its list of transitions is a copy, the management API's records
 * are immutable); safe on any thread.
 *
 * @param key               which breaker
 * @param state             CLOSED, OPEN or HALF_OPEN
 * @param forcing           the operator's forcing, or null while automatic
 * @param timeInStateMillis time since the last change of state
 * @param failureRatio      failures over outcomes in the rolling window
 * @param windowRecorded    outcomes in the rolling window
 * @param windowFailures    failures in the rolling window
 * @param window            the window's outcomes, oldest first (S/F)
 * @param trialsAdmitted    trial calls the half-open circuit admitted (0 unless half-open, or from a
 *                          server that does not tell)
 * @param trialsInFlight    of those, the ones still running
 * @param calls             counter: calls decided about
 * @param successes         counter
 * @param failures          counter
 * @param rejections        counter: calls refused by an open circuit
 * @param timesOpened       counter: automatic openings
 * @param settings          effective configuration, or null when not read
 * @param transitions       recent transitions with causes, oldest first
 * @param shadow            in shadow mode: decides and counts, refuses nothing (false from a server
 *                          that does not tell)
 * @param wouldReject       counter: calls it would have refused in shadow mode, and let through
 */
public record BreakerReading(MethodKey key, String state, Forcing forcing, long timeInStateMillis, double failureRatio,
                             int windowRecorded, int windowFailures, String window, int trialsAdmitted,
                             int trialsInFlight, long calls, long successes,
                             long failures, long rejections, long timesOpened, CircuitBreakerSettings settings,
                             List<StateTransition> transitions, boolean shadow, long wouldReject) {

    public BreakerReading {
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
        window = window == null ? "" : window;
    }

    /** An enforcing breaker (or one read from a server without shadow mode). */
    public BreakerReading(MethodKey key, String state, Forcing forcing, long timeInStateMillis, double failureRatio,
                          int windowRecorded, int windowFailures, String window, int trialsAdmitted,
                          int trialsInFlight, long calls, long successes, long failures, long rejections,
                          long timesOpened, CircuitBreakerSettings settings, List<StateTransition> transitions) {
        this(key, state, forcing, timeInStateMillis, failureRatio, windowRecorded, windowFailures, window,
                trialsAdmitted, trialsInFlight, calls, successes, failures, rejections, timesOpened, settings,
                transitions, false, 0);
    }

    public boolean forced() {
        return forcing != null;
    }

    /**
     * The automatic opening that ended the circuit's last closed stay, with the window's failure ratio
     * that tripped it: the latest CLOSED to OPEN transition that no operator made and that carries a
     * ratio, unless the circuit has been CLOSED since (or is now). Empty too when the transitions
     * kept no longer reach back to it, or the server does not report the ratio.
     */
    public Optional<StateTransition> lastTrip() {
        if ("CLOSED".equals(state)) {
            return Optional.empty();
        }
        for (int i = transitions.size() - 1; i >= 0; i--) {
            StateTransition t = transitions.get(i);
            if ("CLOSED".equals(t.from()) && "OPEN".equals(t.to())) {
                return t.forcedBy() == null && t.failureRatio() >= 0 ? Optional.of(t) : Optional.empty();
            }
            if ("CLOSED".equals(t.to())) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The same reading with another state (a notification ran ahead of the next poll); a new state's
     * time and trials start at 0.
     */
    public BreakerReading withState(String newState) {
        boolean same = newState.equals(state);
        return new BreakerReading(key, newState, forcing, same ? timeInStateMillis : 0, failureRatio, windowRecorded,
                windowFailures, window, same ? trialsAdmitted : 0, same ? trialsInFlight : 0, calls, successes, failures,
                rejections, timesOpened, settings, transitions, shadow, wouldReject);
    }
}
