package dev.fusebox.ft.core.circuitbreaker;

import java.util.List;

/**
 * What one breaker looks like at one moment, for operators. Immutable.
 *
 * @param name           the breaker's name
 * @param state          its state
 * @param forced         the operator's forcing in force, or null
 * @param nanosInState   how long it has been in {@code state}
 * @param windowSize     the rolling window's size (the request volume threshold)
 * @param windowRecorded outcomes in the window (0 unless closed)
 * @param windowFailures failures in the window (0 unless closed)
 * @param window         the window's outcomes, oldest first ('S' success, 'F' failure)
 * @param trialsAdmitted trial calls the half-open stay has admitted (0 unless half-open)
 * @param trialsInFlight of those, the ones still running: admitted, outcome not yet recorded (0
 *                       unless half-open). With {@code nanosInState}, what shows a trial that
 *                       hangs: nothing but the call's own timeout ends it
 * @param policy         the parameters in force
 * @param transitions    the most recent transitions, oldest first
 */
public record CircuitBreakerSnapshot(String name, CircuitState state, Forced forced, long nanosInState,
                                     int windowSize, int windowRecorded, int windowFailures, String window,
                                     int trialsAdmitted, int trialsInFlight, CircuitBreakerPolicy policy, List<Transition> transitions) {

    /** Failures over recorded outcomes in the window; 0 when it is empty. */
    public double failureRatio() {
        return windowRecorded == 0 ? 0 : (double) windowFailures / windowRecorded;
    }
}
