package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;

/**
 * A resolved {@code @CircuitBreaker}: the engine's policy and which failures count (failOn, skipOn).
 * Thread-safety: immutable.
 */
public record CircuitBreakerSpec(CircuitBreakerPolicy policy, ExceptionClassifier failOn) {
}
