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
    private final AdaptiveLimit limit;
    private final Function<Invocation, Priority> priorityOf;
    private final Predicate<Throwable> dropped;
    private final Rejections rejections;
    private final Ticker ticker;

    /** A step whose calls all have {@code priority}. */
    public AsyncAdaptiveBulkheadStep(AsyncStep next, AdaptiveLimit limit, Priority priority,
                                     Predicate<Throwable> dropped, Rejections rejections, Ticker ticker) {
        this(next, limit, invocation -> priority, dropped, rejections, ticker);
    }

    /** A step that asks {@code priorityOf} each call's priority (a parameter of the call may give it). */
    public AsyncAdaptiveBulkheadStep(AsyncStep next, AdaptiveLimit limit, Function<Invocation, Priority> priorityOf,
                                     Predicate<Throwable> dropped, Rejections rejections, Ticker ticker) {
        this.next = next;
        this.limit = limit;
        this.priorityOf = priorityOf;
        this.dropped = dropped;
        this.rejections = rejections;
        this.ticker = ticker;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        Priority priority = priorityOf.apply(call.invocation());
        if (!limit.tryAcquire(priority)) {
            return CompletableFuture.failedFuture(rejections.shed(limit.name(), priority.name(),
                    limit.policy().windowNanos()));
        }
        long start = ticker.nanoTime();
        CompletableFuture<Object> result = new CompletableFuture<>();
        Stages.callNext(next, call).whenComplete((value, failure) -> {
            long end = ticker.nanoTime();
            if (failure == null) {
                limit.release(start, end, false);
            } else {
                AdaptiveBulkheadSteps.giveBack(limit, start, end, Failures.unwrap(failure), dropped);
            }
            Stages.settle(result, value, failure);
        });
        return result;
    }
}
