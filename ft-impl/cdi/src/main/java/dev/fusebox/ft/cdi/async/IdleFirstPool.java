package dev.fusebox.ft.cdi.async;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool of a container's asynchronous methods: it hands a task to an idle thread when one is
 * waiting, starts a new thread while fewer than the maximum exist, and queues a task only when all
 * of them are busy. Idle threads end after the keep-alive time. Once shut down it rejects tasks
 * with a {@link RejectedExecutionException} that says so. Thread-safe.
 *
 * <p>Implementation notes. This is a plain {@link ThreadPoolExecutor} with core size = maximum and
 * core threads allowed to time out, which by itself starts a thread per task below the maximum and
 * queues at it. The one thing added is the first step of {@link #execute}: the work queue is a
 * {@link LinkedTransferQueue}, and {@link LinkedTransferQueue#tryTransfer} gives the task straight
 * to a worker blocked in {@code poll} for its next task, or fails at once when no worker is.
 * <ul>
 * <li>A transferred task never enters the queue: the worker that took it runs it. A worker that
 *     took it just as {@code shutdownNow()} came runs it with its interrupt flag set, so the task
 *     still completes; it cannot be dropped unrun.</li>
 * <li>Every other task goes through {@code ThreadPoolExecutor.execute} unchanged, so every task in
 *     the queue was put there by the JDK's own code, with its two checks after queueing: a pool
 *     shut down meanwhile takes the task back and rejects it (or {@code shutdownNow()} has drained
 *     it and returns it), and a pool whose last thread left meanwhile starts one. So no task waits
 *     in the queue of a pool with no thread, and every task queued at shutdown is either rejected
 *     to its submitter or returned by {@code shutdownNow()}.</li>
 * </ul>
 * What can still race, harmlessly: a worker that times out just as a task is queued may leave
 * while the other threads are busy, so the task waits for the next one to finish although the pool
 * could have started a thread (the JDK's pool makes the same trade); and a task transferred just
 * before {@code shutdown()} runs instead of being rejected.
 */
final class IdleFirstPool extends ThreadPoolExecutor {

    private final LinkedTransferQueue<Runnable> queue;

    IdleFirstPool(int maxThreads, long keepAlive, TimeUnit unit, ThreadFactory threads) {
        this(maxThreads, keepAlive, unit, threads, new LinkedTransferQueue<>());
    }

    /** With the queue given, for tests that need to see a task the moment it is queued. */
    IdleFirstPool(int maxThreads, long keepAlive, TimeUnit unit, ThreadFactory threads,
                  LinkedTransferQueue<Runnable> queue) {
        super(maxThreads, maxThreads, keepAlive, unit, queue, threads, (task, pool) -> {
            throw new RejectedExecutionException("the CDI container is shutting down");
        });
        this.queue = queue;
        allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        if (isShutdown() || !queue.tryTransfer(task)) {
            super.execute(task);
        }
    }
}
