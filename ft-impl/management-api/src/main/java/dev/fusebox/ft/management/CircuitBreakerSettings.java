package dev.fusebox.ft.management;

/**
 * The parameters a circuit breaker works with now (annotation, configuration and operator
 * overrides resolved).
 *
 * Thread-safety: immutable.
 *
 * @param requestVolumeThreshold size of the rolling window
 * @param failureRatio           failure share of a full window that opens the circuit
 * @param delayMillis            how long the circuit stays open before trial calls
 * @param successThreshold       successful trial calls that close it again
 */
public record CircuitBreakerSettings(int requestVolumeThreshold, double failureRatio, long delayMillis,
                                     int successThreshold) {
}
