package dev.fusebox.ft.core.timeout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The deadline of one timed call of one thread at one nesting depth, reused by that thread's calls
 * at that depth one after another. Only its owner thread arms and finishes it; the watcher only
 * reads it and fires it.
 *
 * <p>Implementation notes. {@code state} packs a generation (one per call) and a phase:
 * {@code generation << 2 | phase}. A call arms generation g+1 in phase RUNNING; from there exactly
 * one CAS wins: the owner's RUNNING -> DONE (finished in time, the linearization point of an
 * in-time call) or the watcher's RUNNING -> INTERRUPTING (the linearization point of a timeout),
 * after which the watcher interrupts the owner and writes TIMED_OUT. The watcher's CAS names the
 * full state it read, generation included, so a watcher that read generation g can never fire
 * generation g+1 (no ABA: the generation only grows). The owner, on losing, spins while the state
 * is INTERRUPTING (a few instructions: the window holds one {@code interrupt()} call), then
 * clears its interrupt flag: no interrupt from this deadline is delivered after {@link #finish}
 * returns. {@code deadline} is written before the volatile write of RUNNING and read after the
 * volatile read of it, so a watcher that saw generation g RUNNING reads g's deadline or a later
 * one; a later one only when g has already ended, and then its CAS on g fails. Thread-safe in that
 * sense; arm and finish are for the owner only.
 */
final class CallDeadline {

    static final int RUNNING = 0;
    static final int DONE = 1;
    static final int INTERRUPTING = 2;
    static final int TIMED_OUT = 3;
    private static final int PHASE = 3;

    private static final VarHandle STATE;
    private static final VarHandle DEADLINE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(CallDeadline.class, "state", long.class);
            DEADLINE = lookup.findVarHandle(CallDeadline.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The owner's stack of watches, which this deadline is part of. */
    final ThreadDeadlines stack;
    private final Thread owner;
    private volatile long state = DONE;
    @SuppressWarnings("unused") // through DEADLINE (opaque: written by the owner, read by the watcher)
    private long deadline;
    /** The state this deadline was armed with; read and written by the owner only. */
    private long armed;

    CallDeadline(ThreadDeadlines stack) {
        this.stack = stack;
        this.owner = stack.owner;
    }

    /** Owner: starts the next generation, due at {@code deadline} (ticker time). */
    void arm(long deadline) {
        DEADLINE.setOpaque(this, deadline);
        long next = ((state >>> 2) + 1) << 2 | RUNNING;
        armed = next;
        state = next; // volatile: also the store half of the arm/scan handshake in DeadlineWatcher
    }

    /**
     * Owner: ends the armed generation. True when the call finished in time; otherwise the watcher
     * fired, and this waits until its interrupt has been delivered and clears it.
     */
    boolean finish() {
        long running = armed;
        if (STATE.compareAndSet(this, running, running | DONE)) {
            return true;
        }
        while (state == (running | INTERRUPTING)) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
        return false;
    }

    /** Watcher: the current state, for {@link #isRunning}, {@link #deadline()} and {@link #tryFire}. */
    long state() {
        return state;
    }

    static boolean isRunning(long state) {
        return (state & PHASE) == RUNNING;
    }

    /** Watcher: the deadline of the generation seen in the last {@link #state()} read, or of a later one. */
    long deadline() {
        return (long) DEADLINE.getOpaque(this);
    }

    /**
     * Watcher: times out the generation that was RUNNING in {@code seen}, interrupting the owner.
     * False when the owner finished it first (or it is no longer that generation).
     */
    boolean tryFire(long seen) {
        if (!STATE.compareAndSet(this, seen, (seen & ~PHASE) | INTERRUPTING)) {
            return false;
        }
        try {
            owner.interrupt();
        } finally {
            state = (seen & ~PHASE) | TIMED_OUT;
        }
        return true;
    }
}
