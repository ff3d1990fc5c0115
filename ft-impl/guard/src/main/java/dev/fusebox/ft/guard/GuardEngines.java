package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryBudget;
import dev.fusebox.ft.core.retry.RetryPolicy;

/**
 * The policies and stateful engines of one guard, null where a policy is off (the allowance is
 * {@link RetryAllowance#UNLIMITED} without a budget), and its running totals: what management reads
 * and acts on through the engines' own API. Both bulkhead kinds are made; a guard's first call
 * decides which one it uses ({@link ManagedGuard#servesStages()}). Immutable; the engines and
 * counters are thread-safe.
 */
public record GuardEngines(String name, RetryPolicy retry, RetryAllowance retryAllowance, CircuitBreaker breaker,
                           ExceptionClassifier breakerFailures, RateLimit rateLimit, long timeoutNanos,
                           Bulkhead bulkhead, AsyncBulkhead asyncBulkhead, ExceptionClassifier fallbackOn,
                           MethodCounters counters) {

    /** The retry budget, or null without one. */
    public RetryBudget retryBudget() {
        return retryAllowance instanceof RetryBudget budget ? budget : null;
    }
}
