package dev.fusebox.ft.core.timeout;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Ticker;

/**
 * Bounds a synchronous call in time: the call runs on the caller's thread, and the container's
 * {@link DeadlineWatcher} interrupts that thread at the deadline. A call that ran past its deadline
 * fails with the timeout exception even when it ended normally or with another exception (it
 * ignored the interrupt).
 *
 * <p>Implementation notes. The call arms the calling thread's reusable {@link CallDeadline} (no allocation,
 * and no scheduling unless its deadline is the earliest the watcher knows of) and ends it in every
 * case. Exactly one side wins the deadline's CAS; the watcher interrupts only after winning, and the
 * caller, on losing, waits out the interrupting window and clears the interrupt, so no interrupt
 * leaks past the call into the caller's later work (see {@link CallDeadline}). Thread-safe.
 */
public final class TimeoutStep implements SyncStep {

    private final SyncStep next;
    private final String name;
    private final long timeoutNanos;
    private final DeadlineWatcher watcher;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;
    /** False when the metrics keep no durations: then the clock is read once per call (for the deadline), not twice. */
    private final boolean timed;

    /** {@code ticker} must be the one {@code watcher} reads. */
    public TimeoutStep(SyncStep next, String name, long timeoutNanos, DeadlineWatcher watcher, Rejections rejections,
                       Ticker ticker, MethodMetrics metrics) {
        this.next = next;
        this.name = name;
        this.timeoutNanos = timeoutNanos;
        this.watcher = watcher;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
        this.timed = metrics.recordsDurations();
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        long start = ticker.nanoTime();
        CallDeadline watch = watcher.start(deadline(start));
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            boolean inTime = watcher.end(watch);
            report(inTime, start);
            if (inTime) {
                throw failure;
            }
            RuntimeException timeout = rejections.timeout(name, timeoutNanos);
            timeout.addSuppressed(failure);
            throw timeout;
        }
        boolean inTime = watcher.end(watch);
        report(inTime, start);
        if (inTime) {
            return result;
        }
        throw rejections.timeout(name, timeoutNanos);
    }

    private void report(boolean inTime, long start) {
        metrics.timeoutFinished(!inTime, timed ? ticker.nanoTime() - start : 0);
    }

    private long deadline(long start) {
        long deadline = start + timeoutNanos;
        return deadline < start ? Long.MAX_VALUE : deadline; // saturate: a huge timeout means never
    }
}
