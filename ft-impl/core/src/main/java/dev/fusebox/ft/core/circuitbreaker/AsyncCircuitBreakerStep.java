package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.BreakerOutcome;
import dev.fusebox.ft.core.metrics.MethodMetrics.ShadowedPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous twin of {@link CircuitBreakerStep}: the outcome is recorded when the stage
 * completes, and a rejection arrives as a failed stage. In shadow mode a call the breaker would
 * reject gets the rest of the chain's stage as it is, with no callback (nothing to record), and is
 * reported as {@link MethodMetrics#shadowWouldReject} only; an operator's forcing open is enforced.
 * Thread-safe.
 */
public final class AsyncCircuitBreakerStep implements AsyncStep {

    private final AsyncStep next;
    private final CircuitBreaker breaker;
    private final ExceptionClassifier failures;
    private final Rejections rejections;
    private final MethodMetrics metrics;

    public AsyncCircuitBreakerStep(AsyncStep next, CircuitBreaker breaker, ExceptionClassifier failures,
                                   Rejections rejections, MethodMetrics metrics) {
        this.next = next;
        this.breaker = breaker;
        this.failures = failures;
        this.rejections = rejections;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        Phase admittedIn = breaker.tryAcquire();
        if (admittedIn == null) {
            metrics.circuitBreakerCall(BreakerOutcome.CIRCUIT_BREAKER_OPEN);
            return CompletableFuture.failedFuture(rejections.circuitOpen(breaker));
        }
        if (admittedIn == Phase.SHADOWED) {
            metrics.shadowWouldReject(ShadowedPolicy.CIRCUIT_BREAKER);
            return Stages.callNext(next, call);
        }
        return Stages.callNext(next, call).whenComplete((value, failure) -> {
            Throwable thrown = failure == null ? null : Failures.unwrap(failure);
            boolean counts = thrown != null && failures.test(thrown);
            if (breaker.record(admittedIn, counts, thrown)) {
                metrics.circuitBreakerOpened();
            }
            metrics.circuitBreakerCall(counts ? BreakerOutcome.FAILURE : BreakerOutcome.SUCCESS);
        });
    }
}
