package dev.fusebox.ft.core.retry;

import java.util.random.RandomGenerator;

/**
 * The waits before the retries of one guarded call, in order: asked once before every retry. Made
 * by {@link Backoff#start} at the call's first retry and used by that call alone, one attempt after
 * another (an asynchronous call hands it from thread to thread through its scheduler's and
 * executor's queues, which order the accesses). Not thread-safe.
 */
@FunctionalInterface
public interface RetryDelays {

    /**
     * The wait before the next retry, in nanoseconds, at least 0.
     *
     * @param cause  the failure of the attempt before, or null when its result was not accepted
     * @param random the source for any jitter
     */
    long nextDelayNanos(Throwable cause, RandomGenerator random);
}
