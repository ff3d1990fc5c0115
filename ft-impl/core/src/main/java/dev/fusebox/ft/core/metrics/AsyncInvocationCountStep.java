package dev.fusebox.ft.core.metrics;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.metrics.MethodMetrics.FallbackUse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous twin of {@link InvocationCountStep}. It counts when the rest of the chain
 * settles and returns a stage of its own: the stage it returns reaches the caller (a Future is
 * cancelled through it), and a {@code whenComplete} stage cancelled first would skip its action, so
 * a cancelled call would never be counted. When its metrics count no invocations
 * ({@link MethodMetrics#countsInvocations()}) it passes the inner stage on as it is. Thread-safe.
 */
public final class AsyncInvocationCountStep implements AsyncStep {

    private final AsyncStep next;
    private final MethodMetrics metrics;
    private final boolean counted;

    public AsyncInvocationCountStep(AsyncStep next, MethodMetrics metrics) {
        this.next = next;
        this.metrics = metrics;
        this.counted = metrics.countsInvocations();
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        CompletionStage<Object> outcome = Stages.callNext(next, call);
        if (!counted) {
            return outcome; // nothing to count: no stage of our own needed
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        outcome.whenComplete((value, failure) -> {
            metrics.invocation(failure == null, FallbackUse.NOT_DEFINED);
            Stages.settle(result, value, failure);
        });
        return result;
    }
}
