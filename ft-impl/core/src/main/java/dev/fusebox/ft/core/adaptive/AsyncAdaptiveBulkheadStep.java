package dev.fusebox.ft.core.adaptive;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The asynchronous twin of {@link AdaptiveBulkheadStep}: a call without a place fails its stage
 * at once (adaptive limits do not queue); an admitted one gives its place back, sampled as there,
 * when the rest of the chain's stage completes, a cancellation included (sampled as a drop when
 * {@code dropped} says so). Thread-safe.
 */
public final class AsyncAdaptiveBulkheadStep implements AsyncStep {

    private final AsyncStep next;
    private final AdaptiveGate gate;

    /** A step whose calls all have {@code priority}. */
    public AsyncAdaptiveBulkheadStep(AsyncStep next, AdaptiveLimit limit, Priority priority,
                                     Predicate<Throwable> dropped, Rejections rejections, Ticker ticker) {
        this(next, limit, invocation -> priority, dropped, rejections, ticker);
    }

    /** A step that asks {@code priorityOf} each call's priority (a parameter of the call may give it). */
    public AsyncAdaptiveBulkheadStep(AsyncStep next, AdaptiveLimit limit, Function<Invocation, Priority> priorityOf,
                                     Predicate<Throwable> dropped, Rejections rejections, Ticker ticker) {
        this.next = next;
        this.gate = new AdaptiveGate(limit, priorityOf, dropped, rejections, ticker);
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        RuntimeException refused = gate.enter(call.invocation());
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        long start = gate.now();
        CompletableFuture<Object> result = new CompletableFuture<>();
        Stages.callNext(next, call).whenComplete((value, failure) -> {
            gate.leave(start, failure == null ? null : Failures.unwrap(failure));
            Stages.settle(result, value, failure);
        });
        return result;
    }
}
