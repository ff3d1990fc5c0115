package dev.fusebox.ft.core.circuitbreaker;

/**
 * Told about every change of a breaker's phase, after it has happened: automatic transitions and
 * operator actions, each exactly once, in the order they happened, one at a time. Called on the
 * thread that caused the change, or on another thread that caused one of the breaker's changes and
 * is delivering them (so a listener never hears two transitions of one breaker at once, and one it
 * causes itself reaches it after it returns); must be quick and thread-safe. An exception it throws
 * is logged and does not affect the call.
 */
@FunctionalInterface
public interface CircuitBreakerListener {

    /** A state change; for a forcing that keeps the state, {@code from == to}. */
    void onStateChange(CircuitBreaker breaker, CircuitState from, CircuitState to);

    /** The change with its cause and forcing; by default passes the states on. */
    default void onTransition(CircuitBreaker breaker, Transition transition) {
        onStateChange(breaker, transition.from(), transition.to());
    }

    CircuitBreakerListener NONE = (breaker, from, to) -> { };
}
