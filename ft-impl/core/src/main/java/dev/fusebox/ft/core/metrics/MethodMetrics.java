package dev.fusebox.ft.core.metrics;

/**
 * What the engines of one guarded method report for metrics. One instance per guarded method,
 * resolved when its chain is assembled, so nothing is looked up per call; {@link #NONE} reports
 * nothing and costs nothing. Implementations are thread-safe, never throw, and do not allocate
 * on the paths of calls.
 *
 * <p>Steps read the clock for the durations they report only when {@link #recordsDurations()}
 * says someone keeps them (a clock read costs about as much as a bulkhead permit); otherwise the
 * {@code nanos} they pass is 0.
 */
public interface MethodMetrics {

    /**
     * Whether this receiver keeps the durations it is given ({@link #timeoutFinished},
     * {@link #bulkheadRan}, {@link #bulkheadWaited}); read once, when a step is made. True unless
     * an implementation says otherwise, so a receiver that keeps durations always gets them.
     */
    default boolean recordsDurations() {
        return true;
    }

    /**
     * Whether this receiver counts {@link #invocation}s; read once, when a chain is assembled. A
     * method without a fallback then needs no link of its own that only counts (its catch and
     * rethrow are on every call, a rejection's included). True unless an implementation says
     * otherwise, so a receiver that counts always gets the calls.
     */
    default boolean countsInvocations() {
        return true;
    }

    /** The outcome of a whole call, as the application saw it. */
    default void invocation(boolean valueReturned, FallbackUse fallback) {
    }

    /** A retry policy finished: whether it retried at all and why it stopped. */
    default void retryFinished(boolean retried, RetryOutcome outcome) {
    }

    /** A retry policy starts another attempt. */
    default void retried() {
    }

    /**
     * A retry the policy allowed was refused by the method's retry allowance (a retry budget); the
     * call then ends with {@code retryFinished(retried, MAX_RETRIES_REACHED)}.
     */
    default void retryBudgetRefused() {
    }

    /** A timeout policy finished one attempt after {@code nanos}; whether it timed out. */
    default void timeoutFinished(boolean timedOut, long nanos) {
    }

    /** A circuit breaker decided about one call. */
    default void circuitBreakerCall(BreakerOutcome outcome) {
    }

    /** A circuit breaker moved to OPEN. */
    default void circuitBreakerOpened() {
    }

    /** A bulkhead accepted (ran or queued) or rejected one call. */
    default void bulkheadCall(boolean accepted) {
    }

    /** A call held a bulkhead slot for {@code nanos}. */
    default void bulkheadRan(long nanos) {
    }

    /** A call waited {@code nanos} in a bulkhead queue before it got a slot. */
    default void bulkheadWaited(long nanos) {
    }

    /**
     * A rate limit decided about one call: admitted, refused, or (in shadow mode) let through
     * although it would have been refused.
     */
    default void rateLimitCall(RateLimitOutcome outcome) {
    }

    /**
     * A policy in shadow mode let a call run that it would have rejected if it enforced (see
     * {@link ShadowMode}); the policy's own call metric does not count that call.
     */
    default void shadowWouldReject(ShadowedPolicy policy) {
    }

    /** Reports nothing. */
    MethodMetrics NONE = new MethodMetrics() {
        @Override
        public boolean recordsDurations() {
            return false;
        }

        @Override
        public boolean countsInvocations() {
            return false;
        }
    };

    /** Whether a fallback served a call. Immutable. */
    enum FallbackUse { APPLIED, NOT_APPLIED, NOT_DEFINED }

    /** Why a retry policy stopped. Immutable. */
    enum RetryOutcome { VALUE_RETURNED, EXCEPTION_NOT_RETRYABLE, MAX_RETRIES_REACHED, MAX_DURATION_REACHED }

    /** What a circuit breaker made of one call. Immutable. */
    enum BreakerOutcome { SUCCESS, FAILURE, CIRCUIT_BREAKER_OPEN }

    /** What a rate limit made of one call. Immutable. */
    enum RateLimitOutcome { PERMITTED, REJECTED, WOULD_REJECT }

    /** A policy that can run in shadow mode and report {@link #shadowWouldReject}. Immutable. */
    enum ShadowedPolicy { CIRCUIT_BREAKER, BULKHEAD }
}
