package dev.fusebox.ft.cdi.async;

import dev.fusebox.ft.core.async.AbandonableTask;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.timeout.DeadlineWatcher;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one container: a pool for asynchronous methods, whose tasks run with the request
 * context active, and a timer for timeouts and retry delays, whose tasks hop onto the pool so a slow
 * fallback never holds up other timers. All threads are named daemons. {@link #shutdown} stops them,
 * fails every task that waited for a thread or a timer and would otherwise leave its caller waiting
 * forever ({@link AbandonableTask}), and waits for the threads. Thread-safe.
 */
public final class AsyncExecution implements Executor, Scheduler {

    private static final System.Logger LOG = System.getLogger(AsyncExecution.class.getName());

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<AbandonableTask> pendingTimers = ConcurrentHashMap.newKeySet();
    private final DeadlineWatcher deadlines;
    /**
     * One request-context controller per worker thread, reused task after task: making one costs
     * a bean resolution and three event resolutions, using one only activation and deactivation.
     * A controller is used by its own thread only, one task at a time, as it is meant to be.
     */
    private final ThreadLocal<RequestContextController> requestContexts;

    public AsyncExecution(int maxThreads, BeanManager beans) {
        this.requestContexts = ThreadLocal.withInitial(
                () -> beans.createInstance().select(RequestContextController.class).get());
        // idle threads are reused before new ones start; tasks queue only when maxThreads are busy
        this.pool = new IdleFirstPool(maxThreads, 30, TimeUnit.SECONDS, threads("fusebox-async-"));
        this.timer = new ScheduledThreadPoolExecutor(1, threads("fusebox-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.deadlines = new DeadlineWatcher(timerOnly(), Ticker.system());
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(new InRequestContext(task));
    }

    @Override
    public Scheduled schedule(Runnable task, long delayNanos) {
        AbandonableTask abandonable = task instanceof AbandonableTask a ? a : null;
        if (abandonable != null) {
            pendingTimers.add(abandonable);
        }
        Future<?> future;
        try {
            future = timer.schedule(() -> {
                if (abandonable == null || pendingTimers.remove(abandonable)) {
                    try {
                        execute(task);
                    } catch (RejectedExecutionException shutDown) {
                        abandon(task, shutDown);
                    }
                }
            }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            if (abandonable != null && pendingTimers.remove(abandonable)) {
                abandonable.abandon(shutDown);
            }
            return () -> { };
        }
        return () -> {
            if (future.cancel(false) && abandonable != null) {
                pendingTimers.remove(abandonable);
            }
        };
    }

    /** The timer's own thread, for work that only flips a flag or interrupts a thread. */
    public Scheduler timerOnly() {
        return (task, delayNanos) -> {
            Future<?> future = timer.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }

    /**
     * The watcher of this container's synchronous timeouts: it runs on the timer's thread, so it
     * ends with the timer at {@link #shutdown}. Its ticker is {@link Ticker#system()}.
     */
    public DeadlineWatcher deadlines() {
        return deadlines;
    }

    /**
     * Stops both pools, interrupting running tasks and failing waiting ones, and waits up to
     * {@code waitMillis} for the threads to end.
     */
    public void shutdown(long waitMillis) {
        timer.shutdownNow();
        for (AbandonableTask task : pendingTimers) {
            if (pendingTimers.remove(task)) {
                task.abandon(shutDown());
            }
        }
        for (Runnable dropped : pool.shutdownNow()) {
            abandon(dropped instanceof InRequestContext wrapper ? wrapper.task : dropped, shutDown());
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            timer.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
            long left = Math.max(0, deadline - System.nanoTime());
            if (!pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "asynchronous tasks still running " + waitMillis
                        + " ms after shutdown (they ignore interrupts): " + pool.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RejectedExecutionException shutDown() {
        return new RejectedExecutionException("the CDI container is shutting down");
    }

    private static void abandon(Runnable task, RejectedExecutionException reason) {
        if (task instanceof AbandonableTask abandonable) {
            abandonable.abandon(reason);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "task dropped at shutdown: " + task);
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

    /** Runs a task with the request context active, as the specification asks of asynchronous methods. */
    private final class InRequestContext implements Runnable {
        final Runnable task;

        InRequestContext(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            RequestContextController request = requestContexts.get();
            boolean activated = request.activate();
            try {
                task.run();
            } finally {
                if (activated) {
                    request.deactivate();
                }
            }
        }
    }
}
