package dev.fusebox.ft.core.fallback;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.SyncStep;

/**
 * Replaces a synchronous call's failure by the fallback's result when the classifier (applyOn,
 * skipOn) says so; other failures pass through unchanged. Thread-safe.
 */
public final class FallbackStep implements SyncStep {

    private final SyncStep next;
    private final FallbackAction action;
    private final ExceptionClassifier applyOn;

    public FallbackStep(SyncStep next, FallbackAction action, ExceptionClassifier applyOn) {
        this.next = next;
        this.action = action;
        this.applyOn = applyOn;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        try {
            return next.call(invocation);
        } catch (Throwable failure) {
            if (!applyOn.test(failure)) {
                throw failure;
            }
            return action.apply(invocation, failure);
        }
    }
}
