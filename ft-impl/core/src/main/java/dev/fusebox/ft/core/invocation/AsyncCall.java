package dev.fusebox.ft.core.invocation;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of an asynchronous guarded method, with what it takes to cancel it: the thread running
 * the method now (to interrupt it) and an action that withdraws the call from a bulkhead queue.
 *
 * <p>Implementation notes. {@code cancelled} only ever goes from false to true. A link that parks
 * the call (a bulkhead queue) installs a withdrawal with {@link #onCancel}; whichever of
 * {@link #cancel} and {@code onCancel} comes second runs the withdrawal, so it is never lost:
 * the slot holds either {@code null}, a withdrawal, or {@link #CANCELLED}, and every change is a CAS.
 * The runner is a plain volatile: it is read by {@code cancel} and by timeouts only to interrupt,
 * and an interrupt that arrives just after the method returned is cleared by the thread offload
 * before the worker takes its next task. Thread-safe.
 */
public final class AsyncCall {

    private static final Runnable CANCELLED = () -> { };

    private final Invocation invocation;
    private final AtomicReference<Runnable> withdrawal = new AtomicReference<>();
    private volatile boolean cancelled;
    private volatile Thread runner;

    public AsyncCall(Invocation invocation) {
        this.invocation = invocation;
    }

    public Invocation invocation() {
        return invocation;
    }

    /** Whether the caller cancelled this call; links stop starting new work once it has. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Cancels the call: no new attempt starts, a queued call leaves its queue, and with
     * {@code interrupt} the running method is interrupted.
     */
    public void cancel(boolean interrupt) {
        cancelled = true;
        Runnable action = withdrawal.getAndSet(CANCELLED);
        if (action != null && action != CANCELLED) {
            action.run();
        }
        if (interrupt) {
            interruptRunner();
        }
    }

    /**
     * Installs the action that withdraws this call from where it waits; runs it at once when the
     * call is already cancelled. Replaces an earlier action.
     */
    public void onCancel(Runnable action) {
        Runnable current = withdrawal.get();
        while (current != CANCELLED) {
            if (withdrawal.compareAndSet(current, action)) {
                return;
            }
            current = withdrawal.get();
        }
        action.run();
    }

    /** Removes the withdrawal action once the call has left the place it waited in. */
    public void clearOnCancel(Runnable action) {
        withdrawal.compareAndSet(action, null);
    }

    /** Interrupts the thread running the method, if one is. */
    public void interruptRunner() {
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Marks the calling thread as the one running the method, or {@code null} when it is done. */
    public void runningOn(Thread thread) {
        runner = thread;
    }
}
