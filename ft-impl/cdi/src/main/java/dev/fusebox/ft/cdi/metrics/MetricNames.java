package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.metrics.MethodMetrics.BreakerOutcome;
import dev.fusebox.ft.core.metrics.MethodMetrics.FallbackUse;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;

/**
 * The metric names, tag names and tag values of MicroProfile Fault Tolerance 4.1, and of Fusebox's
 * own policies (docs/metrics.md), shared by the backends. The {@code method} tag is the one place a guarded method is not called by its one name
 * ({@link MethodPolicy#name()}): the specification fixes it as {@code <class>.<method>} without
 * parameter types, so two guarded overloads report under one tag value, as the TCK expects.
 * Stateless; thread-safe.
 */
public final class MetricNames {

    public static final String INVOCATIONS = "ft.invocations.total";
    public static final String RETRY_CALLS = "ft.retry.calls.total";
    public static final String RETRY_RETRIES = "ft.retry.retries.total";
    public static final String TIMEOUT_CALLS = "ft.timeout.calls.total";
    public static final String TIMEOUT_DURATION = "ft.timeout.executionDuration";
    public static final String BREAKER_CALLS = "ft.circuitbreaker.calls.total";
    public static final String BREAKER_STATE = "ft.circuitbreaker.state.total";
    public static final String BREAKER_OPENED = "ft.circuitbreaker.opened.total";
    public static final String BULKHEAD_CALLS = "ft.bulkhead.calls.total";
    public static final String BULKHEAD_RUNNING = "ft.bulkhead.executionsRunning";
    public static final String BULKHEAD_WAITING = "ft.bulkhead.executionsWaiting";
    public static final String BULKHEAD_RUNNING_DURATION = "ft.bulkhead.runningDuration";
    public static final String BULKHEAD_WAITING_DURATION = "ft.bulkhead.waitingDuration";
    /** Fusebox's {@code @RateLimit} (SmallRye's name and tag): tag {@code rateLimitResult}, permitted or rejected. */
    public static final String RATE_LIMIT_CALLS = "ft.ratelimit.calls.total";
    /**
     * Calls a policy in shadow mode would have rejected and let through (Fusebox's own): tag
     * {@code policy}, circuitBreaker, bulkhead or rateLimit.
     */
    public static final String SHADOW_WOULD_REJECT = "ft.shadow.wouldReject.total";
    /** Retries a retry budget refused (Fusebox's {@code @RetryBudget}); the call then ended with its last failure. */
    public static final String RETRY_BUDGET_REFUSED = "ft.retrybudget.refused.total";

    private MetricNames() {
    }

    /**
     * The {@code method} tag: the bean class's canonical name, a dot, the method name; for a
     * programmatic guard (no reflective method) {@code dev.fusebox.ft.api.Guard.<guard name>}.
     */
    public static String method(MethodPolicy policy) {
        return policy.beanClass().getCanonicalName() + "." + (policy.method() == null ? policy.methodKey()
                : policy.method().getName());
    }

    public static String result(boolean valueReturned) {
        return valueReturned ? "valueReturned" : "exceptionThrown";
    }

    public static String fallback(FallbackUse use) {
        return switch (use) {
            case APPLIED -> "applied";
            case NOT_APPLIED -> "notApplied";
            case NOT_DEFINED -> "notDefined";
        };
    }

    public static String retryResult(RetryOutcome outcome) {
        return switch (outcome) {
            case VALUE_RETURNED -> "valueReturned";
            case EXCEPTION_NOT_RETRYABLE -> "exceptionNotRetryable";
            case MAX_RETRIES_REACHED -> "maxRetriesReached";
            case MAX_DURATION_REACHED -> "maxDurationReached";
        };
    }

    public static String breakerResult(BreakerOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "success";
            case FAILURE -> "failure";
            case CIRCUIT_BREAKER_OPEN -> "circuitBreakerOpen";
        };
    }

    /** The {@code rateLimitResult} tag: a call let through in shadow mode was permitted. */
    public static String rateLimitResult(boolean permitted) {
        return permitted ? "permitted" : "rejected";
    }

    public static String state(CircuitState state) {
        return switch (state) {
            case CLOSED -> "closed";
            case OPEN -> "open";
            case HALF_OPEN -> "halfOpen";
        };
    }

    /** The fallback tag values a method can report: notDefined, or applied and notApplied. */
    public static FallbackUse[] fallbackUses(MethodPolicy policy) {
        if (policy.method() == null) {
            return FallbackUse.values(); // a programmatic guard: each call site gives a fallback or none
        }
        return policy.fallback() == null ? new FallbackUse[] {FallbackUse.NOT_DEFINED}
                : new FallbackUse[] {FallbackUse.APPLIED, FallbackUse.NOT_APPLIED};
    }
}
