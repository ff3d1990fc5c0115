package dev.fusebox.ft.cdi.async;

import dev.fusebox.ft.core.time.Scheduler;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one container: a pool for asynchronous methods, whose tasks run with the request
 * context active, and a timer for timeouts and retry delays, whose tasks hop onto the pool so a slow
 * fallback never holds up other timers. All threads are named daemons; {@link #shutdown} stops them
 * and waits for them. Thread-safe.
 */
public final class AsyncExecution implements Executor, Scheduler {

    private static final System.Logger LOG = System.getLogger(AsyncExecution.class.getName());

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final BeanManager beans;

    public AsyncExecution(int maxThreads, BeanManager beans) {
        this.beans = beans;
        this.pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("fusebox-async-"));
        this.pool.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, threads("fusebox-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(() -> {
            RequestContextController request = beans.createInstance().select(RequestContextController.class).get();
            boolean activated = request.activate();
            try {
                task.run();
            } finally {
                if (activated) {
                    request.deactivate();
                }
            }
        });
    }

    @Override
    public Scheduled schedule(Runnable task, long delayNanos) {
        java.util.concurrent.Future<?> future = timer.schedule(() -> {
            try {
                pool.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                LOG.log(System.Logger.Level.DEBUG, "timer task dropped at shutdown");
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** The timer's own thread, for work that only flips a flag or interrupts a thread. */
    public Scheduler timerOnly() {
        return (task, delayNanos) -> {
            java.util.concurrent.Future<?> future = timer.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }

    /** Stops both pools, interrupting running tasks, and waits up to {@code waitMillis} for the threads. */
    public void shutdown(long waitMillis) {
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            timer.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "asynchronous tasks still running after " + waitMillis + " ms: "
                        + pool.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
