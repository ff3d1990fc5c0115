package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.BreakerOutcome;
import dev.fusebox.ft.core.metrics.MethodMetrics.ShadowedPolicy;

/**
 * Guards a synchronous call with a {@link CircuitBreaker}: a rejected call fails at once; an
 * admitted call's outcome is recorded, a throwable counting as a failure when the classifier
 * (failOn/skipOn) says so. In shadow mode ({@link CircuitBreaker#setShadow}) a call the breaker
 * would reject runs instead, unrecorded, and is reported as {@link MethodMetrics#shadowWouldReject}
 * only (not as a breaker call: the spec's call metric then shows what an enforcing breaker would
 * have judged, minus its rejections). A call refused by an operator's forcing open is rejected in
 * shadow mode too. The admitted path reads no switch and allocates nothing. Thread-safe.
 */
public final class CircuitBreakerStep implements SyncStep {

    private final SyncStep next;
    private final CircuitBreaker breaker;
    private final ExceptionClassifier failures;
    private final Rejections rejections;
    private final MethodMetrics metrics;

    public CircuitBreakerStep(SyncStep next, CircuitBreaker breaker, ExceptionClassifier failures, Rejections rejections,
                              MethodMetrics metrics) {
        this.next = next;
        this.breaker = breaker;
        this.failures = failures;
        this.rejections = rejections;
        this.metrics = metrics;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        Phase admittedIn = breaker.tryAcquire();
        if (admittedIn == null) {
            metrics.circuitBreakerCall(BreakerOutcome.CIRCUIT_BREAKER_OPEN);
            throw rejections.circuitOpen(breaker);
        }
        if (admittedIn == Phase.SHADOWED) {
            metrics.shadowWouldReject(ShadowedPolicy.CIRCUIT_BREAKER);
            return next.call(invocation);
        }
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            boolean counts = failures.test(failure);
            if (breaker.record(admittedIn, counts, failure)) {
                metrics.circuitBreakerOpened();
            }
            metrics.circuitBreakerCall(counts ? BreakerOutcome.FAILURE : BreakerOutcome.SUCCESS);
            throw failure;
        }
        if (breaker.record(admittedIn, false)) {
            metrics.circuitBreakerOpened();
        }
        metrics.circuitBreakerCall(BreakerOutcome.SUCCESS);
        return result;
    }
}
