package dev.fusebox.ft.core.async;

/**
 * A task whose caller waits for its outcome. An executor or scheduler that drops it without running
 * it (at shutdown) must call {@link #abandon}, so the waiting caller gets a failure instead of
 * waiting forever.
 * Thread-safety: an implementation is handed to another thread (an executor's or a timer's), which
 * calls exactly one of {@link #run} and {@link #abandon}; it hands its outcome to the waiting
 * caller through a thread-safe future.
 */
public interface AbandonableTask extends Runnable {

    /** Completes the task's outcome with {@code reason} instead of running it. */
    void abandon(Throwable reason);
}
