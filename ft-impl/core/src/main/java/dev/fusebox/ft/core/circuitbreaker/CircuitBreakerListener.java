package dev.fusebox.ft.core.circuitbreaker;

/**
 * Told about every state change of a breaker, after the change has happened. Called on the thread
 * whose call caused the change; must be quick and thread-safe. An exception it throws is logged and
 * does not affect the call.
 */
@FunctionalInterface
public interface CircuitBreakerListener {

    void onStateChange(CircuitBreaker breaker, CircuitState from, CircuitState to);

    CircuitBreakerListener NONE = (breaker, from, to) -> { };
}
