package dev.fusebox.ft.core.time;

/**
 * Runs a task once after a delay: timeouts and asynchronous retry delays go through it. A task may
 * run on the scheduler's own thread (the container's timer does that, so that a timeout fires on
 * time however busy the pool is), so tasks must be short and call no application code: what follows
 * them hops onto an executor (see {@code AsyncRetryStep}, {@code AsyncFallbackStep}).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * Runs {@code task} after {@code delayNanos} (at once, but never on the calling thread's stack,
     * when the delay is zero or negative) and returns a handle that can cancel it.
     */
    Scheduled schedule(Runnable task, long delayNanos);

    /** A task handed to a scheduler. Implementations are thread-safe: any thread may cancel. */
    @FunctionalInterface
    interface Scheduled {
        /** Stops the task from running if it has not started; harmless when it has. */
        void cancel();
    }
}
