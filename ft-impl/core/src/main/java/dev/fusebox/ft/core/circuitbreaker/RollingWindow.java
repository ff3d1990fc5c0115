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
 * even when tickets {@code t} and {@code t + size} race for one slot. The window counts as full
 * once {@code size} tickets have been taken. A record that completes the crossing of the threshold
 * sees it, because it reads {@code failures} after its own update and {@code recorded} after
 * taking its ticket; an earlier record still in flight re-checks after its own write. Thread-safe.
 */
final class RollingWindow {

    private static final int EMPTY = 0;
    private static final int SUCCESS = 1;
    private static final int FAILURE = 2;

    private final int size;
    private final int failuresToOpen;
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
        int previous = slots.getAndSet((int) (ticket % size), failure ? FAILURE : SUCCESS);
        int delta = (failure ? 1 : 0) - (previous == FAILURE ? 1 : 0);
        int failed = delta == 0 ? failures.get() : failures.addAndGet(delta);
        return failed >= failuresToOpen && recorded.get() >= size;
    }

    /** Failures among the recorded outcomes. */
    int failures() {
        return failures.get();
    }

    /** Outcomes recorded so far, at most the window size. */
    int recorded() {
        return (int) Math.min(size, recorded.get());
    }

    /** The outcomes in slot order: 'S' success, 'F' failure, '-' empty. For diagnostics. */
    String contents() {
        StringBuilder text = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            int value = slots.get(i);
            text.append(value == EMPTY ? '-' : value == FAILURE ? 'F' : 'S');
        }
        return text.toString();
    }
}
