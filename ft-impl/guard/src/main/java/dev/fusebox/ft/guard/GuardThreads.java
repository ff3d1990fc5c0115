package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.timeout.DeadlineWatcher;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads guards use, shared by every guard of a class loader: one timer thread and a few
 * workers, all named daemons that end after {@value #IDLE_SECONDS} s without work, or
 * {@value #LINGER_MILLIS} ms once no guard is live ({@link #liveGuards}), so a JVM whose guards are
 * idle or closed keeps none of them and nothing has to be shut down. A closed guard still works:
 * threads are made again for its work.
 *
 * <p>What runs where, as in the CDI layer's container threads: the timer runs due tasks on its own
 * thread, short and without application code (a timeout failing its stage, the synchronous
 * timeouts' {@link DeadlineWatcher} interrupting a caller, a retry's delay handing its next
 * attempt on); the workers run the next attempt of a retried stage, a hedge's further attempts,
 * and whatever {@link #offTimer()} moves off the timer (a fallback after a timeout). A synchronous
 * guarded call runs on its caller's thread and a stage's action is called on the thread that asks
 * for it, so {@value #WORKERS} workers suffice; more work queues. The exception is a synchronous
 * hedged call: each of its attempts holds a worker until it ends, so at most {@value #WORKERS}
 * such attempts of all guards run at once and the others wait for a worker. Thread-safe.
 */
final class GuardThreads implements Executor, Scheduler {

    static final int WORKERS = 8;
    static final int IDLE_SECONDS = 30;
    static final long LINGER_MILLIS = 100;
    private static volatile GuardThreads shared;
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor workers;
    private final DeadlineWatcher deadlines;
    private final Executor offTimer = this::runOffTimer;

    GuardThreads() {
        this(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
    }

    /** Threads that end after {@code idleMillis} without work (tests use a short time). */
    GuardThreads(long idleMillis) {
        timer = new ScheduledThreadPoolExecutor(1, task -> daemon(new TimerThread(task)));
        timer.setKeepAliveTime(idleMillis, TimeUnit.MILLISECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, idleMillis, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> daemon(new Thread(task, "fusebox-guard-worker-" + NUMBERS.incrementAndGet())));
        workers.allowCoreThreadTimeOut(true);
        deadlines = new DeadlineWatcher(this, Ticker.system());
    }

    /** The threads of this class loader's guards, made at first use. */
    static GuardThreads shared() {
        GuardThreads threads = shared;
        if (threads == null) {
            synchronized (GuardThreads.class) {
                threads = shared;
                if (threads == null) {
                    threads = new GuardThreads();
                    shared = threads;
                }
            }
        }
        return threads;
    }

    /**
     * Told how many guards are live after each change: with none, idle threads end within
     * {@value #LINGER_MILLIS} ms; with some, after {@value #IDLE_SECONDS} s. Makes no threads.
     */
    static void liveGuards(int live) {
        GuardThreads threads = shared;
        if (threads != null) {
            threads.keepAlive(live == 0 ? LINGER_MILLIS : TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
        }
    }

    private void keepAlive(long millis) {
        timer.setKeepAliveTime(millis, TimeUnit.MILLISECONDS);
        workers.setKeepAliveTime(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable task) {
        workers.execute(task);
    }

    @Override
    public Scheduled schedule(Runnable task, long delayNanos) {
        Future<?> due = timer.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        return () -> due.cancel(false);
    }

    /** Runs a task at once on the calling thread, unless that is the timer; then on a worker. */
    Executor offTimer() {
        return offTimer;
    }

    /** The watcher of the synchronous timeouts, which interrupts a caller whose call is late. */
    DeadlineWatcher deadlines() {
        return deadlines;
    }

    /** Threads alive now (timer and workers): zero once idle for {@value #IDLE_SECONDS} s. */
    int alive() {
        return timer.getPoolSize() + workers.getPoolSize();
    }

    private void runOffTimer(Runnable task) {
        if (Thread.currentThread() instanceof TimerThread) {
            execute(task);
        } else {
            task.run();
        }
    }

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true);
        return thread;
    }

    /** The timer's thread; {@link #offTimer()} recognises it by its class. */
    private static final class TimerThread extends Thread {
        TimerThread(Runnable task) {
            super(task, "fusebox-guard-timer-" + NUMBERS.incrementAndGet());
        }
    }
}
