package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.ShadowedPolicy;
import dev.fusebox.ft.core.time.Ticker;

/**
 * Runs a synchronous call inside a {@link Bulkhead} slot, or rejects it. The clock is read only
 * when the metrics keep durations ({@link MethodMetrics#recordsDurations()}; a clock read costs
 * about as much as the permit itself). In shadow mode ({@link Bulkhead#setShadow}) a call that
 * finds no permit runs anyway, without one (so the permits in use never exceed the limit; the calls
 * actually running may), and is reported as {@link MethodMetrics#shadowWouldReject} only: neither
 * as an accepted bulkhead call nor with a running time, which count permit holders. The permitted
 * path reads no switch and allocates nothing. Thread-safe.
 */
public final class BulkheadStep implements SyncStep {

    private final SyncStep next;
    private final Bulkhead bulkhead;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;
    private final boolean timed;

    public BulkheadStep(SyncStep next, Bulkhead bulkhead, Rejections rejections, Ticker ticker, MethodMetrics metrics) {
        this.next = next;
        this.bulkhead = bulkhead;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
        this.timed = metrics.recordsDurations();
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        if (!bulkhead.tryAcquire()) {
            if (bulkhead.letsThrough()) {
                metrics.shadowWouldReject(ShadowedPolicy.BULKHEAD);
                return next.call(invocation);
            }
            metrics.bulkheadCall(false);
            throw rejections.bulkheadFull(bulkhead.name());
        }
        metrics.bulkheadCall(true);
        if (!timed) {
            try {
                return next.call(invocation);
            } finally {
                bulkhead.release();
            }
        }
        long start = ticker.nanoTime();
        try {
            return next.call(invocation);
        } finally {
            bulkhead.release();
            metrics.bulkheadRan(ticker.nanoTime() - start);
        }
    }
}
