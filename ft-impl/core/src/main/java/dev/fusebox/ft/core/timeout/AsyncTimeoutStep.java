package dev.fusebox.ft.core.timeout;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds an asynchronous call in time: at the deadline the returned stage fails with the timeout
 * exception and the attempt is cancelled (withdrawn from a bulkhead queue, or the thread running
 * the method interrupted); a later outcome of the method is ignored. The race between deadline and
 * outcome is settled by one CAS on {@code settled}; the deadline side cancels the attempt before it
 * completes the result, so a caller who sees the timeout finds the attempt's bulkhead place already
 * free. The clock is read only when the metrics keep durations. Thread-safe.
 *
 * <p>The deadline's task runs on the scheduler's thread (the container's timer), never waiting for
 * a pool thread, so it fires on time when every pool thread is busy with the very bodies it is to
 * interrupt. It calls no application code itself: cancelling runs only Fusebox's own cancellations
 * (the bulkhead withdrawal, the interrupt), and completing the result runs the outer links, whose
 * application code (fallback, the caller's continuations) hops off the timer thread on its own.
 */
public final class AsyncTimeoutStep implements AsyncStep {

    private final AsyncStep next;
    private final String name;
    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;
    /** False when the metrics keep no durations: then the clock is not read at all. */
    private final boolean timed;

    public AsyncTimeoutStep(AsyncStep next, String name, long timeoutNanos, Scheduler scheduler, Rejections rejections,
                            Ticker ticker, MethodMetrics metrics) {
        this.next = next;
        this.name = name;
        this.timeoutNanos = timeoutNanos;
        this.scheduler = scheduler;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
        this.timed = metrics.recordsDurations();
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        long start = timed ? ticker.nanoTime() : 0;
        AtomicBoolean settled = new AtomicBoolean();
        AsyncCall attempt = call.attempt();
        Scheduler.Scheduled timer = scheduler.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                // withdraw or interrupt first: whoever sees the timeout may at once rely on the freed place
                attempt.cancel(true);
                metrics.timeoutFinished(true, elapsedSince(start));
                result.completeExceptionally(rejections.timeout(name, timeoutNanos));
            }
        }, timeoutNanos);
        CompletionStage<Object> outcome = Stages.callNext(next, attempt);
        outcome.whenComplete((value, failure) -> {
            timer.cancel();
            call.clearOnCancel(attempt);
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            metrics.timeoutFinished(false, elapsedSince(start));
            Stages.settle(result, value, failure);
        });
        return result;
    }

    private long elapsedSince(long start) {
        return timed ? ticker.nanoTime() - start : 0;
    }
}
