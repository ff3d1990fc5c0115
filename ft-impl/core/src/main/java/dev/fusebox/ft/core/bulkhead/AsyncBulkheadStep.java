package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Cancellation;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an asynchronous call in an {@link AsyncBulkhead}: at once when a slot is free, later when
 * it has to wait, or never (a failed stage) when the queue is full. The slot is held until the
 * rest of the chain's stage completes. A call cancelled while it waits leaves the queue and never
 * starts. Thread-safe.
 */
public final class AsyncBulkheadStep implements AsyncStep {

    private final AsyncStep next;
    private final AsyncBulkhead bulkhead;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;

    public AsyncBulkheadStep(AsyncStep next, AsyncBulkhead bulkhead, Rejections rejections, Ticker ticker,
                             MethodMetrics metrics) {
        this.next = next;
        this.bulkhead = bulkhead;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Start start = new Start(call, result);
        call.onCancel(start.withdrawal);
        if (!bulkhead.submit(start)) {
            call.clearOnCancel(start.withdrawal);
            metrics.bulkheadCall(false);
            result.completeExceptionally(rejections.bulkheadFull(bulkhead.name()));
        } else {
            metrics.bulkheadCall(true);
        }
        return result;
    }

    /** The queued part of one call: runs once it holds a slot. */
    private final class Start implements Runnable {
        private final AsyncCall call;
        private final CompletableFuture<Object> result;
        private final AtomicBoolean released = new AtomicBoolean();
        private final long submittedAt = ticker.nanoTime();
        private long startedAt;
        final Cancellation withdrawal;

        Start(AsyncCall call, CompletableFuture<Object> result) {
            this.call = call;
            this.result = result;
            this.withdrawal = interrupt -> {
                if (bulkhead.withdraw(this)) {
                    result.completeExceptionally(new CancellationException("cancelled while waiting in bulkhead"));
                }
            };
        }

        @Override
        public void run() {
            call.clearOnCancel(withdrawal);
            startedAt = ticker.nanoTime();
            metrics.bulkheadWaited(startedAt - submittedAt);
            if (call.isCancelled()) {
                release();
                result.completeExceptionally(new CancellationException("cancelled before it started"));
                return;
            }
            CompletionStage<Object> outcome;
            try {
                outcome = next.call(call);
            } catch (RuntimeException | Error failure) {
                outcome = CompletableFuture.failedFuture(failure);
            }
            outcome.whenComplete((value, failure) -> {
                release();
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(Failures.unwrap(failure));
                }
            });
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                bulkhead.release();
                metrics.bulkheadRan(ticker.nanoTime() - startedAt);
            }
        }
    }
}
