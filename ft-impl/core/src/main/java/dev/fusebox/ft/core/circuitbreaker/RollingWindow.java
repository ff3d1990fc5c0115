package dev.fusebox.ft.core.circuitbreaker;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outcomes of the most recent {@code size} calls of a closed circuit, recorded without locks.
 *
 * <p>Implementation notes. Each record takes a ticket from {@code recorded} (getAndIncrement) and
 * writes its outcome into slot {@code ticket % size} with getAndSet; the value it displaces tells
 * it how to correct {@code failures}. Because every slot write is a getAndSet, each displaced
 * outcome is seen by exactly one writer, so {@code failures} always equals the number of failure
 * slots once the in-flight records have finished their add: no record is lost or counted twice,
 * even when tickets {@code t} and {@code t + size} race for one slot. A record whose slot already
 * holds the same outcome skips the write (it would displace its own value and change no count),
 * so a healthy circuit writes only its ticket counter. The window counts as full once {@code size}
 * tickets have been taken. A record that completes the crossing of the threshold sees it, because
 * it reads {@code failures} after its own update and {@code recorded} after taking its ticket; an
 * earlier record still in flight re-checks after its own write. The threshold may be changed at
 * run time (a new failure ratio); the next record judges by it. Thread-safe.
 */
final class RollingWindow {

    private static final int EMPTY = 0;
    private static final int SUCCESS = 1;
    private static final int FAILURE = 2;

    private final int size;
    private volatile int failuresToOpen;
    private final AtomicIntegerArray slots;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    RollingWindow(int size, int failuresToOpen) {
        this.size = size;
        this.failuresToOpen = failuresToOpen;
        this.slots = new AtomicIntegerArray(size);
    }

    /** Records one outcome; returns whether the full window now reaches the failure threshold. */
    boolean record(boolean failure) {
        long ticket = recorded.getAndIncrement();
        int slot = (int) (ticket % size);
        int outcome = failure ? FAILURE : SUCCESS;
        int failed;
        if (slots.get(slot) == outcome) {
            failed = failures.get();
        } else {
            int previous = slots.getAndSet(slot, outcome);
            int delta = (failure ? 1 : 0) - (previous == FAILURE ? 1 : 0);
            failed = delta == 0 ? failures.get() : failures.addAndGet(delta);
        }
        return failed >= failuresToOpen && recorded.get() >= size;
    }

    int size() {
        return size;
    }

    /** Failures among the recorded outcomes. */
    int failures() {
        return failures.get();
    }

    /** Outcomes recorded so far, at most the window size. */
    int recorded() {
        return (int) Math.min(size, recorded.get());
    }

    /** The failures that open the circuit from now on. */
    void retarget(int failuresToOpen) {
        this.failuresToOpen = failuresToOpen;
    }

    /**
     * A window of another size holding this one's most recent outcomes (as many as fit), for a
     * changed request volume. Outcomes recorded here while the copy is made may be missed.
     */
    RollingWindow resized(int newSize, int newFailuresToOpen) {
        RollingWindow copy = new RollingWindow(newSize, newFailuresToOpen);
        long last = recorded.get();
        long first = Math.max(Math.max(0, last - size), last - newSize);
        for (long ticket = first; ticket < last; ticket++) {
            int value = slots.get((int) (ticket % size));
            if (value != EMPTY) {
                copy.record(value == FAILURE);
            }
        }
        return copy;
    }

    /**
     * The recorded outcomes, oldest first: 'S' success, 'F' failure; as long as {@link #recorded}.
     * For diagnostics: records racing with the read may show up or not.
     */
    String contents() {
        long last = recorded.get();
        long first = Math.max(0, last - size);
        StringBuilder text = new StringBuilder((int) (last - first));
        for (long ticket = first; ticket < last; ticket++) {
            int value = slots.get((int) (ticket % size));
            text.append(value == EMPTY ? '-' : value == FAILURE ? 'F' : 'S');
        }
        return text.toString();
    }
}
