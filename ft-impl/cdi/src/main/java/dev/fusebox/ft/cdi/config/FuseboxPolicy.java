package dev.fusebox.ft.cdi.config;

/**
 * What Fusebox's own annotations ({@code dev.fusebox.ft.api}) add to one method's policy: a rate
 * limit, a backoff, retry predicates and hook, a retry budget, an adaptive bulkhead, a hedge (each null when
 * absent or off), and which of the breaker and the bulkhead run in shadow mode. The retry's parts are null when the
 * method has no retry in force. Thread-safety: immutable.
 */
public record FuseboxPolicy(RateLimitSpec rateLimit, BackoffSpec backoff, RetryHooks retryHooks,
                            RetryBudgetSpec retryBudget, boolean circuitBreakerShadow, boolean bulkheadShadow,
                            AdaptiveBulkheadSpec adaptiveBulkhead, HedgeSpec hedge) {

    /** Nothing beyond the specification. */
    public static final FuseboxPolicy NONE = new FuseboxPolicy(null, null, RetryHooks.NONE, null, false, false, null, null);
}
