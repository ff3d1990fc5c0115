package dev.fusebox.ft.cdi.async;

import dev.fusebox.ft.core.async.AbandonableTask;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.timeout.DeadlineWatcher;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads of one container: the workers of asynchronous methods, whose tasks run with the
 * request context active, and one timer thread. All threads are named daemons. Thread-safe.
 *
 * <p>The workers are either a pool of platform threads ({@link IdleFirstPool}, at most
 * {@code maxThreads}, tasks queue beyond) or, with {@code fusebox.async.virtual-threads=true} on
 * JDK 21+, one new virtual thread per task ({@link VirtualThreads}), which nothing bounds but the
 * methods' own bulkheads. Either way a task runs with a request context of its own, is interrupted
 * by a timeout or a cancellation through its thread, and is interrupted or failed at shutdown.
 *
 * <p>What runs where. As an {@link Executor} this is the workers: method
 * bodies, the first step of a retry after its delay, and whatever {@link #offTimer()} moves off the
 * timer. As a {@link Scheduler} this is the timer: a due task runs on the timer thread itself, so it
 * runs on time however busy the pool is. That is what an asynchronous timeout needs (issue 11: a
 * timeout handed to a full pool waited behind the very bodies it was to interrupt), and it binds
 * every scheduled task to be short and to call no application code: a timeout cancels its attempt
 * (interrupts the method, or takes it out of a bulkhead queue) and completes the chain's stages,
 * whose Fusebox links record their outcome (breaker, metrics, the retry's decision, which schedules
 * again); the synchronous timeouts' {@link DeadlineWatcher} only interrupts threads; a retry's delay
 * only hands the next attempt to the pool. The two places where a completed stage reaches
 * application code, a fallback and the continuations a caller chained onto the CompletionStage it
 * got, go through {@link #offTimer()}: at once on the completing thread, as before, unless that is
 * the timer thread, and then on the pool.
 *
 * <p>{@link #shutdown} stops both, fails every task that waited for a thread or a timer and would
 * otherwise leave its caller waiting forever ({@link AbandonableTask}), and waits for the threads.
 *
 * <p>Time: the container's {@link ContainerTime} ({@link #time()}) gives the clock the chains and
 * the synchronous timeouts' watcher read, and decides when a scheduled task falls due; by default
 * the JVM's clock and the timer's own delays. Under a virtual time (tests only) a task falls due
 * when the test moves the time past it and is then handed to the timer thread, so it still runs
 * there.
 */
public final class AsyncExecution implements Executor, Scheduler {

    private static final System.Logger LOG = System.getLogger(AsyncExecution.class.getName());

    /** The workers: an {@link IdleFirstPool}, or a thread-per-task executor of virtual threads. */
    private final ExecutorService pool;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<AbandonableTask> pendingTimers = ConcurrentHashMap.newKeySet();
    private final DeadlineWatcher deadlines;
    private final ContainerTime time;
    private final Executor offTimer = this::runOffTimer;
    /**
     * The request-context controller of the calling worker. On the pool: one per worker thread,
     * reused task after task (making one costs a bean resolution and three event resolutions, using
     * one only activation and deactivation); a controller is used by its own thread only, one task at
     * a time, as it is meant to be. On virtual threads, where each thread runs one task: a new one per
     * task, held by nothing after it (no ThreadLocal, whose map each virtual thread would allocate).
     */
    private final Supplier<RequestContextController> requestContexts;

    /** A container's threads on the system's time, with a pool of platform threads. */
    public AsyncExecution(int maxThreads, BeanManager beans) {
        this(maxThreads, false, beans, ContainerTime.system());
    }

    /**
     * A container's threads on {@code time} (anything but {@link ContainerTime#system()} is for
     * tests); with {@code virtualThreads} one virtual thread per task ({@code fusebox-async-virtual-<n>}),
     * and {@code maxThreads} unused.
     *
     * @throws IllegalStateException with {@code virtualThreads} on a JDK before 21
     */
    public AsyncExecution(int maxThreads, boolean virtualThreads, BeanManager beans, ContainerTime time) {
        this.time = time;
        Supplier<RequestContextController> newController =
                () -> beans.createInstance().select(RequestContextController.class).get();
        if (virtualThreads) {
            this.pool = VirtualThreads.perTask("fusebox-async-virtual-");
            this.requestContexts = newController;
        } else {
            // idle threads are reused before new ones start; tasks queue only when maxThreads are busy
            AtomicInteger workers = new AtomicInteger();
            this.pool = new IdleFirstPool(maxThreads, 30, TimeUnit.SECONDS, task -> daemon(
                    new Thread(task, "fusebox-async-" + workers.incrementAndGet())));
            this.requestContexts = ThreadLocal.withInitial(newController)::get;
        }
        AtomicInteger timers = new AtomicInteger();
        this.timer = new ScheduledThreadPoolExecutor(1, task -> daemon(
                new TimerThread(task, "fusebox-timer-" + timers.incrementAndGet())));
        this.timer.setRemoveOnCancelPolicy(true);
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.deadlines = new DeadlineWatcher(this::schedule, time.ticker());
    }

    /**
     * Runs {@code task} on a worker, with a request context active; rejects it with a
     * {@link RejectedExecutionException} once the container is shutting down.
     */
    @Override
    public void execute(Runnable task) {
        try {
            pool.execute(new InRequestContext(task));
        } catch (RejectedExecutionException rejected) {
            throw rejected.getMessage() == null ? shutDown() : rejected; // the per-task executor says nothing
        }
    }

    /**
     * Runs {@code task} on the timer thread after {@code delayNanos}; it must be short and call no
     * application code. An {@link AbandonableTask} still waiting at shutdown is abandoned.
     */
    @Override
    public Scheduled schedule(Runnable task, long delayNanos) {
        AbandonableTask abandonable = task instanceof AbandonableTask a ? a : null;
        if (abandonable != null) {
            pendingTimers.add(abandonable);
        }
        Runnable onTimer = () -> {
            if (abandonable == null || pendingTimers.remove(abandonable)) {
                task.run();
            }
        };
        if (time.dueTimes() != null) {
            return scheduleInTestTime(onTimer, abandonable, delayNanos);
        }
        Future<?> future;
        try {
            future = timer.schedule(onTimer, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
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

    /**
     * Tests' time decides when {@code onTimer} falls due (a task due now goes at once, as on the
     * real timer); then it is handed to the timer thread.
     */
    private Scheduled scheduleInTestTime(Runnable onTimer, AbandonableTask abandonable, long delayNanos) {
        Runnable toTimer = () -> {
            try {
                timer.execute(onTimer);
            } catch (RejectedExecutionException shutDown) {
                if (abandonable != null && pendingTimers.remove(abandonable)) {
                    abandonable.abandon(shutDown);
                }
            }
        };
        if (delayNanos <= 0) {
            toTimer.run();
            return () -> { };
        }
        Scheduled due = time.dueTimes().schedule(toTimer, delayNanos);
        return () -> {
            due.cancel();
            if (abandonable != null) {
                pendingTimers.remove(abandonable);
            }
        };
    }

    /**
     * Where application code that follows a completed stage runs: at once on the calling thread,
     * unless that is the timer thread; then on a worker (with a request context active). Workers
     * that are shut down reject it.
     */
    public Executor offTimer() {
        return offTimer;
    }

    private void runOffTimer(Runnable task) {
        if (Thread.currentThread() instanceof TimerThread) {
            execute(task);
        } else {
            task.run();
        }
    }

    /**
     * The watcher of this container's synchronous timeouts: it runs on the timer's thread, so it
     * ends with the timer at {@link #shutdown}. It reads the container's {@link #time()}.
     */
    public DeadlineWatcher deadlines() {
        return deadlines;
    }

    /** The container's time: what its chains read and what decides when timer tasks fall due. */
    public ContainerTime time() {
        return time;
    }

    /**
     * Stops the timer and the workers, interrupting running tasks and failing waiting ones (only the
     * platform pool queues tasks; a virtual thread starts with its task), and waits up to
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
                        + " ms after shutdown (they ignore interrupts)" + (pool instanceof ThreadPoolExecutor platform
                        ? ": " + platform.getActiveCount() : ", on virtual threads"));
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

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true);
        return thread;
    }

    /** The timer's thread; {@link #offTimer()} recognises it by its class. */
    private static final class TimerThread extends Thread {
        TimerThread(Runnable task, String name) {
            super(task, name);
        }
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
