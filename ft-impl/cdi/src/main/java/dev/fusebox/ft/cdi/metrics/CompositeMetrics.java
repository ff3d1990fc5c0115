package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.core.metrics.MethodMetrics;

/** Reports to two backends at once (an application with both MicroProfile Metrics and OpenTelemetry). */
final class CompositeMetrics implements MethodMetrics {

    private final MethodMetrics first;
    private final MethodMetrics second;

    CompositeMetrics(MethodMetrics first, MethodMetrics second) {
        this.first = first;
        this.second = second;
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
}
