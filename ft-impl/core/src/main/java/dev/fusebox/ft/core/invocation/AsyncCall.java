package dev.fusebox.ft.core.invocation;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of an asynchronous guarded method, or one attempt within it, with what it takes to
 * cancel it: the thread running the method now (to interrupt it) and a {@link Cancellation}
 * installed by whatever holds the call (a bulkhead queue withdraws it; a timeout passes the
 * cancellation on to the attempt it started with {@link #attempt()}).
 *
 * <p>Implementation notes. {@code cancelled} only ever goes from false to true, and so does
 * {@code interruptOnCancel}: once some cancellation asked for an interrupt, a later one without
 * (the caller's {@code cancel(false)} after a timeout's {@code cancel(true)}) does not take it
 * back. Before issue 11 a later {@code cancel(false)} overwrote it, so a worker that had checked
 * the attempt was not cancelled, and marked itself as its runner only after both cancels, ran a
 * hanging method uninterrupted (the chaos soak's lost timeout). The cancellation
 * slot holds {@code null}, an action, or {@link #CANCELLED}; every change is a CAS. Whichever of
 * {@link #cancel} and {@link #onCancel} comes second runs the action, so a cancellation racing
 * with a queue admission or an attempt's start is never lost. The runner slot holds {@code null},
 * the thread running the method, or {@link #INTERRUPTING}. A canceller interrupts only after it
 * moved the slot from the thread to INTERRUPTING by CAS, and puts the thread back afterwards; the
 * thread leaves by a CAS from itself to {@code null}, waiting out an INTERRUPTING window first. So
 * an interrupt lands while the method runs or not at all: never after the thread left, when the
 * thread offload has cleared its flag and it may run another call's method (a plain read of the
 * runner followed by {@code interrupt()} could land there). A thread that finds another thread
 * (or nothing) in the slot when it leaves leaves the slot as it is: one AsyncCall is meant to run
 * on one thread at a time, and before issue 14 the retry ran all attempts on one call, so the
 * previous attempt's worker, leaving late, cleared the next attempt's worker from the slot and a
 * {@code cancel(true)} interrupted nothing (now each attempt is its own call and the leaving thread
 * clears only itself). An interrupting canceller writes
 * {@code interruptOnCancel} and {@code cancelled} before it reads the runner, and the starting
 * thread writes the runner before it reads them (all volatile), so a cancellation with interrupt
 * racing with the start of the method interrupts it from one side or the other, whatever other
 * cancellations come between. Thread-safe.
 */
public final class AsyncCall implements Cancellation {

    private static final Cancellation CANCELLED = interrupt -> { };
    /** In the runner slot while a canceller interrupts the running thread. */
    private static final Object INTERRUPTING = new Object();

    private final Invocation invocation;
    private final AtomicReference<Cancellation> slot = new AtomicReference<>();
    private volatile boolean cancelled;
    private volatile boolean interruptOnCancel;
    private final AtomicReference<Object> runner = new AtomicReference<>();

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
        if (interrupt) {
            interruptOnCancel = true; // never back to false: see the implementation notes
        }
        cancelled = true;
        Cancellation action = slot.getAndSet(CANCELLED);
        if (action != null && action != CANCELLED) {
            action.cancel(interrupt);
        }
        if (interrupt) {
            interruptRunner();
        }
    }

    private void interruptRunner() {
        Object current = runner.get();
        if (current instanceof Thread thread && runner.compareAndSet(thread, INTERRUPTING)) {
            thread.interrupt();
            runner.set(thread);
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

    /**
     * Marks the calling thread as the one running the method, or, with {@code null}, as done with
     * it; once that returns no cancellation of this call interrupts the thread any more, so an
     * interrupt flag it clears then cannot be set again by this call.
     */
    public void runningOn(Thread thread) {
        if (thread != null) {
            runner.set(thread);
            if (cancelled && interruptOnCancel) {
                thread.interrupt();
            }
            return;
        }
        Thread self = Thread.currentThread();
        while (true) {
            Object current = runner.get();
            if (current == INTERRUPTING) {
                Thread.onSpinWait();
            } else if (current != self || runner.compareAndSet(self, null)) {
                return; // another thread's entry is not this thread's to clear (notes)
            }
        }
    }
}
