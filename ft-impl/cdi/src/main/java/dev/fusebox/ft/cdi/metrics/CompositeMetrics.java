package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.core.metrics.MethodMetrics;

/**
 * Reports to two receivers at once (both MicroProfile Metrics and OpenTelemetry, or the operators'
 * counters and a backend). It keeps durations when either receiver does, so the steps read the
 * clock only then. Thread-safe when both receivers are (as every {@link MethodMetrics} must be);
 * it holds nothing else.
 */
public final class CompositeMetrics implements MethodMetrics {

    private final MethodMetrics first;
    private final MethodMetrics second;

    CompositeMetrics(MethodMetrics first, MethodMetrics second) {
        this.first = first;
        this.second = second;
    }

    /** Both, or just one when the other is {@link MethodMetrics#NONE}. */
    public static MethodMetrics of(MethodMetrics first, MethodMetrics second) {
        return second == MethodMetrics.NONE ? first : first == MethodMetrics.NONE ? second
                : new CompositeMetrics(first, second);
    }

    @Override
    public boolean recordsDurations() {
        return first.recordsDurations() || second.recordsDurations();
    }

    @Override
    public boolean countsInvocations() {
        return first.countsInvocations() || second.countsInvocations();
    }

    @Override
    public void invocation(boolean valueReturned, FallbackUse fallback) {
        first.invocation(valueReturned, fallback);
        second.invocation(valueReturned, fallback);
    }

    @Override
    public void retryFinished(boolean retried, RetryOutcome outcome) {
        first.retryFinished(retried, outcome);
        second.retryFinished(retried, outcome);
    }

    @Override
    public void retried() {
        first.retried();
        second.retried();
    }

    @Override
    public void timeoutFinished(boolean timedOut, long nanos) {
        first.timeoutFinished(timedOut, nanos);
        second.timeoutFinished(timedOut, nanos);
    }

    @Override
    public void circuitBreakerCall(BreakerOutcome outcome) {
        first.circuitBreakerCall(outcome);
        second.circuitBreakerCall(outcome);
    }

    @Override
    public void circuitBreakerOpened() {
        first.circuitBreakerOpened();
        second.circuitBreakerOpened();
    }

    @Override
    public void bulkheadCall(boolean accepted) {
        first.bulkheadCall(accepted);
        second.bulkheadCall(accepted);
    }

    @Override
    public void bulkheadRan(long nanos) {
        first.bulkheadRan(nanos);
        second.bulkheadRan(nanos);
    }

    @Override
    public void bulkheadWaited(long nanos) {
        first.bulkheadWaited(nanos);
        second.bulkheadWaited(nanos);
    }

    @Override
    public void rateLimitCall(RateLimitOutcome outcome) {
        first.rateLimitCall(outcome);
        second.rateLimitCall(outcome);
    }

    @Override
    public void shadowWouldReject(ShadowedPolicy policy) {
        first.shadowWouldReject(policy);
        second.shadowWouldReject(policy);
    }

    @Override
    public void retryBudgetRefused() {
        first.retryBudgetRefused();
        second.retryBudgetRefused();
    }
}
