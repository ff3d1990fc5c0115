package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Rejections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Test access to the bulkheads' package-private operations, for the concurrency tests. */
public final class BulkheadProbe {

    private final Bulkhead sync;
    private final AsyncBulkhead async;
    private final AsyncBulkheadStep asyncStep;
    private final ConcurrentLinkedQueue<CompletableFuture<Object>> started = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    private BulkheadProbe(Bulkhead sync, AsyncBulkhead async) {
        this.sync = sync;
        this.async = async;
        this.asyncStep = async == null ? null : new AsyncBulkheadStep(call -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            CompletableFuture<Object> stage = new CompletableFuture<>();
            started.add(stage);
            return stage;
        }, async, Rejections.plain(), Ticker.system(), MethodMetrics.NONE);
    }

    public static BulkheadProbe sync(int limit) {
        return new BulkheadProbe(new Bulkhead("probe", limit), null);
    }

    public static BulkheadProbe async(int limit, int queue) {
        return new BulkheadProbe(null, new AsyncBulkhead("probe", limit, queue));
    }

    public void callThrough(Runnable work) {
        if (sync.tryAcquire()) {
            try {
                work.run();
            } finally {
                sync.release();
            }
        }
    }

    /** Submits a call, then (by {@code choice}) completes a started call, cancels this one, or both. */
    public void submitThenCompleteOrCancel(int choice) {
        AsyncCall call = new AsyncCall(() -> null);
        asyncStep.call(call);
        if (choice != 1) {
            CompletableFuture<Object> running = started.poll();
            if (running != null) {
                finish(running);
            }
        }
        if (choice != 0) {
            call.cancel(false);
        }
    }

    /** Completes started calls until none is left running or waiting. */
    public void completeEverythingStarted() {
        CompletableFuture<Object> running;
        while ((running = started.poll()) != null) {
            finish(running);
        }
    }

    /** The work ends (counted out) before its stage completes and its slot is given back. */
    private void finish(CompletableFuture<Object> running) {
        inside.decrementAndGet();
        running.complete("done");
    }

    public int running() {
        return sync != null ? sync.running() : async.running();
    }

    public int waiting() {
        return async.waiting();
    }

    public int mostRunning() {
        return most.get();
    }
}
