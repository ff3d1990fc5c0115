package dev.fusebox.ft.core.timeout;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds a synchronous call in time: the call runs on the caller's thread, and a watcher scheduled
 * for the deadline interrupts that thread. A call that ran past its deadline fails with the timeout
 * exception even when it ended normally or with another exception (it ignored the interrupt).
 *
 * <p>Implementation notes. Each call owns a {@link Watch} whose state goes RUNNING -> DONE (the
 * caller finished first) or RUNNING -> INTERRUPTING -> TIMED_OUT (the watcher fired first), each
 * step a CAS, so exactly one side wins. The watcher interrupts only after winning, and the caller,
 * on losing, waits out the short INTERRUPTING window and then clears the interrupt, so no interrupt
 * leaks past the call into the caller's later work. Thread-safe.
 */
public final class TimeoutStep implements SyncStep {

    private final SyncStep next;
    private final String name;
    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;

    public TimeoutStep(SyncStep next, String name, long timeoutNanos, Scheduler scheduler, Rejections rejections,
                       Ticker ticker, MethodMetrics metrics) {
        this.next = next;
        this.name = name;
        this.timeoutNanos = timeoutNanos;
        this.scheduler = scheduler;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        long start = ticker.nanoTime();
        Watch watch = new Watch(Thread.currentThread());
        Scheduler.Scheduled timer = scheduler.schedule(watch, timeoutNanos);
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            boolean inTime = watch.finish();
            metrics.timeoutFinished(!inTime, ticker.nanoTime() - start);
            if (inTime) {
                timer.cancel();
                throw failure;
            }
            RuntimeException timeout = rejections.timeout(name, timeoutNanos);
            timeout.addSuppressed(failure);
            throw timeout;
        }
        boolean inTime = watch.finish();
        metrics.timeoutFinished(!inTime, ticker.nanoTime() - start);
        if (inTime) {
            timer.cancel();
            return result;
        }
        throw rejections.timeout(name, timeoutNanos);
    }

    private static final class Watch extends AtomicInteger implements Runnable {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int INTERRUPTING = 2;
        private static final int TIMED_OUT = 3;

        private final Thread caller;

        Watch(Thread caller) {
            this.caller = caller;
        }

        @Override
        public void run() {
            if (compareAndSet(RUNNING, INTERRUPTING)) {
                caller.interrupt();
                set(TIMED_OUT);
            }
        }

        /** True when the caller finished in time; otherwise clears the watcher's interrupt. */
        boolean finish() {
            if (compareAndSet(RUNNING, DONE)) {
                return true;
            }
            while (get() == INTERRUPTING) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
            return false;
        }
    }
}
