package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.adaptive.Priority;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryBudget;
import dev.fusebox.ft.core.retry.RetryPolicy;

/**
 * The policies and stateful engines of one guard, in chain order, null where a policy is off (the
 * allowance is {@link RetryAllowance#UNLIMITED} without a budget), and its running totals: what
 * management reads and acts on through the engines' own API. Both bulkhead kinds are made; a
 * guard's first call decides which one it uses ({@link ManagedGuard#servesStages()}). An adaptive
 * limit takes the bulkhead's place (a guard has one or the other) and serves both kinds of call.
 * Immutable; the engines and counters are thread-safe.
 *
 * @param hedge            the hedge, or null
 * @param hedgeBudget      the retry budget the hedge's further attempts draw on, or null without a hedge
 * @param adaptiveLimit    the adaptive limit, or null
 * @param adaptivePriority the priority of the guard's calls in its adaptive limit, or null without one
 */
public record GuardEngines(String name, RetryPolicy retry, RetryAllowance retryAllowance, CircuitBreaker breaker,
                           ExceptionClassifier breakerFailures, RateLimit rateLimit, Hedge hedge,
                           RetryBudget hedgeBudget, long timeoutNanos, Bulkhead bulkhead, AsyncBulkhead asyncBulkhead,
                           AdaptiveLimit adaptiveLimit, Priority adaptivePriority, ExceptionClassifier fallbackOn,
                           MethodCounters counters) {

    /** The retry budget, or null without one. */
    public RetryBudget retryBudget() {
        return retryAllowance instanceof RetryBudget budget ? budget : null;
    }
}
