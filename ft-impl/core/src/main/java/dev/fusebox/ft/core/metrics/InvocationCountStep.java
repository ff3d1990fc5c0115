package dev.fusebox.ft.core.metrics;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics.FallbackUse;

/**
 * Counts the calls of a synchronous method that has no fallback (a fallback step counts its own,
 * knowing whether it applied). The outermost link. Thread-safe.
 */
public final class InvocationCountStep implements SyncStep {

    private final SyncStep next;
    private final MethodMetrics metrics;

    public InvocationCountStep(SyncStep next, MethodMetrics metrics) {
        this.next = next;
        this.metrics = metrics;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            metrics.invocation(false, FallbackUse.NOT_DEFINED);
            throw failure;
        }
        metrics.invocation(true, FallbackUse.NOT_DEFINED);
        return result;
    }
}
