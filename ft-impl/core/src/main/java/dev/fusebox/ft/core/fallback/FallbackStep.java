package dev.fusebox.ft.core.fallback;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.FallbackUse;

/**
 * Replaces a synchronous call's failure by the fallback's result when the classifier (applyOn,
 * skipOn) says so; other failures pass through unchanged. Thread-safe.
 */
public final class FallbackStep implements SyncStep {

    private final SyncStep next;
    private final FallbackAction action;
    private final ExceptionClassifier applyOn;
    private final MethodMetrics metrics;

    public FallbackStep(SyncStep next, FallbackAction action, ExceptionClassifier applyOn, MethodMetrics metrics) {
        this.next = next;
        this.action = action;
        this.applyOn = applyOn;
        this.metrics = metrics;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            if (!applyOn.test(failure)) {
                metrics.invocation(false, FallbackUse.NOT_APPLIED);
                throw failure;
            }
            Object fallback;
            try {
                fallback = action.apply(invocation, failure);
            } catch (Throwable fallbackFailure) {
                metrics.invocation(false, FallbackUse.APPLIED);
                throw fallbackFailure;
            }
            metrics.invocation(true, FallbackUse.APPLIED);
            return fallback;
        }
        metrics.invocation(true, FallbackUse.NOT_APPLIED);
        return result;
    }
}
