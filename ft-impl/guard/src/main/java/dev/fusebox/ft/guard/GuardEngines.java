package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryPolicy;

/**
 * The policies and stateful engines of one guard, null where a policy is off (the allowance is
 * {@link RetryAllowance#UNLIMITED} without a budget). Both bulkhead kinds are made; a guard's first
 * call decides which one it uses ({@link FuseboxGuard}). Immutable; the engines are thread-safe.
 */
record GuardEngines(String name, RetryPolicy retry, RetryAllowance retryAllowance, CircuitBreaker breaker,
                    ExceptionClassifier breakerFailures, RateLimit rateLimit, long timeoutNanos, Bulkhead bulkhead,
                    AsyncBulkhead asyncBulkhead, ExceptionClassifier fallbackOn) {
}
