package dev.fusebox.ft.core.invocation;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of an asynchronous guarded method, or one attempt within it, with what it takes to
 * cancel it: the thread running the method now (to interrupt it) and a {@link Cancellation}
 * installed by whatever holds the call (a bulkhead queue withdraws it; a timeout passes the
 * cancellation on to the attempt it started with {@link #attempt()}).
 *
 * <p>Implementation notes. {@code cancelled} only ever goes from false to true. The cancellation
 * slot holds {@code null}, an action, or {@link #CANCELLED}; every change is a CAS. Whichever of
 * {@link #cancel} and {@link #onCancel} comes second runs the action, so a cancellation racing
 * with a queue admission or an attempt's start is never lost. The runner is a plain volatile, read
 * only to interrupt; an interrupt that lands just after the method returned is cleared by the
 * thread offload before the worker takes its next task. Thread-safe.
 */
public final class AsyncCall implements Cancellation {

    private static final Cancellation CANCELLED = interrupt -> { };

    private final Invocation invocation;
    private final AtomicReference<Cancellation> slot = new AtomicReference<>();
    private volatile boolean cancelled;
    private volatile boolean interruptOnCancel;
    private volatile Thread runner;

    public AsyncCall(Invocation invocation) {
        this.invocation = invocation;
    }

    public Invocation invocation() {
        return invocation;
    }

    /** Whether this call was cancelled; links stop starting new work once it has. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Cancels the call: no new work starts, the installed cancellation runs (a queued call leaves
     * its queue, a running attempt is cancelled), and with {@code interrupt} the running method is
     * interrupted.
     */
    @Override
    public void cancel(boolean interrupt) {
        interruptOnCancel = interrupt;
        cancelled = true;
        Cancellation action = slot.getAndSet(CANCELLED);
        if (action != null && action != CANCELLED) {
            action.cancel(interrupt);
        }
        if (interrupt) {
            Thread thread = runner;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /**
     * Installs what cancelling does while the call sits where the caller put it; runs it at once
     * when the call is already cancelled. Replaces an earlier action.
     */
    public void onCancel(Cancellation action) {
        Cancellation current = slot.get();
        while (current != CANCELLED) {
            if (slot.compareAndSet(current, action)) {
                return;
            }
            current = slot.get();
        }
        action.cancel(interruptOnCancel);
    }

    /** Removes {@code action} once the call has left the place it guarded. */
    public void clearOnCancel(Cancellation action) {
        slot.compareAndSet(action, null);
    }

    /**
     * A new attempt of this call that can be cancelled on its own (a timeout does so) and is
     * cancelled with this call.
     */
    public AsyncCall attempt() {
        AsyncCall attempt = new AsyncCall(invocation);
        onCancel(attempt);
        return attempt;
    }

    /** Marks the calling thread as the one running the method, or {@code null} when it is done. */
    public void runningOn(Thread thread) {
        runner = thread;
        if (thread != null && cancelled && interruptOnCancel) {
            thread.interrupt();
        }
    }
}
