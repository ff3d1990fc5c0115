package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.metrics.ShadowMode;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Limits how many asynchronous calls of one method run at once and how many wait for a slot.
 *
 * <p>Implementation notes. Execution slots and queue places are two {@link Permits}; the waiting
 * tasks sit in a lock-free {@link ConcurrentLinkedQueue}. Invariants: running never exceeds the
 * limit nor goes negative; a task holds a queue place from its admission until it leaves the queue
 * (started or withdrawn), so the queue never holds more than its size. The race to avoid is the
 * lost wake-up: a task queued just as the last running task finishes. Both sides therefore drain
 * after acting: {@link #submit} drains after its offer, {@link #release} after giving back the slot.
 * Whichever of the two acts second sees the other's effect (the queue and the counters are
 * sequentially consistent), so a queued task always finds the freed slot. A drain that wins a slot
 * but finds the queue emptied by a competitor gives the slot back and looks again.
 *
 * <p>Shadow mode ({@link #setShadow}): a call {@link #submit} refuses (no slot, no queue place) is
 * let through by its step, counted ({@link #wouldReject()}), holding neither; so running and
 * waiting keep their bounds in shadow mode too, and nothing it does can touch the hand-off above.
 * The switch is a {@link ShadowMode}, read only after a refusal. Thread-safe.
 */
public final class AsyncBulkhead {

    /**
     * The most calls running at once that a configuration may ask for: an admitted call holds a
     * thread and what it references, so the bound is one of memory too, refused before any call.
     */
    public static final int MAX_LIMIT = 10_000;
    /** The most calls waiting for a slot that a configuration may ask for (every one waits in memory). */
    public static final int MAX_QUEUE = 10_000;

    private final String name;
    private final Permits running;
    private final Permits waiting;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final ShadowMode shadow = new ShadowMode();

    public AsyncBulkhead(String name, int limit, int queueSize) {
        if (limit < 1) {
            throw new IllegalArgumentException("bulkhead value must be at least 1: " + limit);
        }
        if (queueSize < 0) {
            throw new IllegalArgumentException("bulkhead waitingTaskQueue must not be negative: " + queueSize);
        }
        this.name = name;
        this.running = new Permits(limit);
        this.waiting = new Permits(queueSize);
    }

    public String name() {
        return name;
    }

    public int limit() {
        return running.limit();
    }

    public int queueSize() {
        return waiting.limit();
    }

    /** Tasks holding an execution slot now. */
    public int running() {
        return running.used();
    }

    /** Tasks waiting for a slot now. */
    public int waiting() {
        return waiting.used();
    }

    /**
     * Whether this bulkhead runs in shadow mode: it decides as if it enforced but lets the calls it
     * would reject run, and counts them ({@link #wouldReject()}: calls that found neither a free slot
     * nor a queue place).
     */
    public boolean isShadow() {
        return shadow.isOn();
    }

    /**
     * Switches shadow mode on or off at run time; the next call it refuses is let through (counted)
     * or rejected accordingly. Calls let through hold neither a slot nor a queue place, so they finish
     * undisturbed either way.
     */
    public void setShadow(boolean on) {
        shadow.set(on);
    }

    /** Calls let through in shadow mode that an enforcing bulkhead would have rejected, since it was made. */
    public long wouldReject() {
        return shadow.wouldReject();
    }

    /**
     * For a call {@link #submit} refused: true (counted) when shadow mode lets it run holding
     * neither a slot nor a queue place.
     */
    boolean letsThrough() {
        return shadow.letsThrough();
    }

    /**
     * Starts {@code task} in a free slot (on the calling thread), queues it, or refuses it. A started
     * task must call {@link #release} exactly once when its work is over.
     *
     * @return false when there was neither a slot nor a queue place
     */
    boolean submit(Runnable task) {
        if (running.tryAcquire()) {
            task.run();
            return true;
        }
        if (!waiting.tryAcquire()) {
            return false;
        }
        queue.offer(task);
        drain();
        return true;
    }

    /** Takes {@code task} out of the queue; false when it has already left it (started). */
    boolean withdraw(Runnable task) {
        if (queue.remove(task)) {
            waiting.release();
            return true;
        }
        return false;
    }

    /**
     * Changes the limits at run time. A higher limit starts waiting tasks at once (on the calling
     * thread's hand-off, as a release would); a lower one lets running and queued tasks finish and
     * refuses new ones until the counts are below it.
     */
    public void resize(int limit, int queueSize) {
        if (limit < 1) {
            throw new IllegalArgumentException("bulkhead value must be at least 1: " + limit);
        }
        if (queueSize < 0) {
            throw new IllegalArgumentException("bulkhead waitingTaskQueue must not be negative: " + queueSize);
        }
        waiting.resize(queueSize);
        running.resize(limit);
        drain();
    }

    /** Gives back the slot of a finished task and starts a waiting one, if any. */
    void release() {
        running.release();
        drain();
    }

    private void drain() {
        while (!queue.isEmpty() && running.tryAcquire()) {
            Runnable task = queue.poll();
            if (task == null) {
                running.release();
                continue;
            }
            waiting.release();
            task.run();
        }
    }
}
