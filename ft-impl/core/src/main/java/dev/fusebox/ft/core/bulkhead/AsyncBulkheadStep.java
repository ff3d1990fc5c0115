package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Cancellation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.ShadowedPolicy;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Runs an asynchronous call in an {@link AsyncBulkhead}: at once when a slot is free, later when
 * it has to wait, or never (a failed stage) when the queue is full. The slot is held until the
 * rest of the chain's stage completes. A call cancelled while it waits leaves the queue and never
 * starts. In shadow mode ({@link AsyncBulkhead#setShadow}) a call that finds neither a slot nor a
 * queue place starts at once on the calling thread, holding neither, and its caller gets the rest
 * of the chain's stage as it is; it is reported as {@link MethodMetrics#shadowWouldReject} only
 * (not as an accepted bulkhead call, and with no waiting or running time). Thread-safe.
 *
 * <p>Implementation notes. The call's cancellation is installed ({@code onCancel}) before the call
 * is queued, so a cancel can come between the two: its withdrawal then finds nothing in the queue,
 * and the call would keep its queue place (and its caller's stage stay pending) until a slot frees.
 * So after queueing, the step looks at the call once more and withdraws it if it was cancelled.
 * The canceller writes {@code cancelled} before it looks in the queue, the step queues before it
 * reads {@code cancelled} (both sequentially consistent), so one of the two finds the other's
 * effect: a cancelled call never keeps a queue place. Withdrawal is a removal from the queue, so
 * when both try, one succeeds: the place is given back once and the stage failed once. A call
 * that started instead (a slot was free, or a release drained it) is not in the queue; it sees the
 * cancellation when it runs, and gives its slot back. A call shadow mode lets through was never
 * queued and holds no slot: its withdrawal is uninstalled before it runs the rest of the chain, so
 * a cancel reaches it only through that chain (as any started call's does) and nothing is given
 * back for it.
 */
public final class AsyncBulkheadStep implements AsyncStep {

    private final AsyncStep next;
    private final AsyncBulkhead bulkhead;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;
    /** False when the metrics keep no durations: then the clock is not read at all. */
    private final boolean timed;

    public AsyncBulkheadStep(AsyncStep next, AsyncBulkhead bulkhead, Rejections rejections, Ticker ticker,
                             MethodMetrics metrics) {
        this.next = next;
        this.bulkhead = bulkhead;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
        this.timed = metrics.recordsDurations();
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        Start start = new Start(call);
        call.onCancel(start);
        if (!bulkhead.submit(start)) {
            call.clearOnCancel(start);
            if (bulkhead.letsThrough()) {
                metrics.shadowWouldReject(ShadowedPolicy.BULKHEAD);
                return Stages.callNext(next, call); // holds no slot, so nothing to give back
            }
            metrics.bulkheadCall(false);
            start.result.completeExceptionally(rejections.bulkheadFull(bulkhead.name()));
            return start.result;
        }
        metrics.bulkheadCall(true);
        if (call.isCancelled()) {
            start.cancel(false); // cancelled before it was queued: its own withdrawal found nothing (notes)
        }
        return start.result;
    }

    /**
     * The queued part of one call: runs once it holds a slot. One object plays every role a call
     * needs here (the queued task, the withdrawal on cancel, the callback on the outcome, the
     * released flag), so a call allocates it and its result stage only.
     * Thread-safe: whichever thread ends the call releases the slot, once, by winning the CAS of the flag it is.
     */
    private final class Start extends AtomicBoolean implements Runnable, Cancellation, BiConsumer<Object, Throwable> {
        private static final long serialVersionUID = 1L;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        private final transient AsyncCall call;
        private final long submittedAt;
        private long startedAt;

        Start(AsyncCall call) {
            this.call = call;
            this.submittedAt = timed ? ticker.nanoTime() : 0;
        }

        /** Withdrawal: a call cancelled while it waits leaves the queue and never starts. */
        @Override
        public void cancel(boolean interrupt) {
            if (bulkhead.withdraw(this)) {
                result.completeExceptionally(new CancellationException("cancelled while waiting in bulkhead"));
            }
        }

        @Override
        public void run() {
            call.clearOnCancel(this);
            if (timed) {
                startedAt = ticker.nanoTime();
                metrics.bulkheadWaited(startedAt - submittedAt);
            }
            if (call.isCancelled()) {
                release();
                result.completeExceptionally(new CancellationException("cancelled before it started"));
                return;
            }
            Stages.callNext(next, call).whenComplete(this);
        }

        /** The outcome of the rest of the chain. */
        @Override
        public void accept(Object value, Throwable failure) {
            release();
            Stages.settle(result, value, failure);
        }

        private void release() {
            if (compareAndSet(false, true)) {
                bulkhead.release();
                if (timed) {
                    metrics.bulkheadRan(ticker.nanoTime() - startedAt);
                }
            }
        }
    }
}
