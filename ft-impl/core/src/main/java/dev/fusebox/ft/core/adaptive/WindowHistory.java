package dev.fusebox.ft.core.adaptive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@link #CAPACITY} closed windows of an {@link AdaptiveLimit}. Thread-safe, lock-free.
 *
 * <p>Implementation notes. A window goes to the slot its number picks ({@code number % CAPACITY}),
 * so closers of different windows write different slots unless they are {@link #CAPACITY} windows
 * apart. Two such writers race by compare-and-set, and the slot keeps the later window: a writer
 * replaces only an empty slot or an older window, and retries when the slot changed under it, so
 * the earlier of two racing windows never overwrites the later one (jcstress
 * {@code AdaptiveAdmissionTest.HistoryKeepsTheLaterWindow}). A reader copies the slots and sorts
 * them by number; a window recorded while it reads may be missing or present.
 */
final class WindowHistory {

    /** How many closed windows are kept. */
    static final int CAPACITY = 120;

    private final AtomicReferenceArray<ClosedWindow> slots = new AtomicReferenceArray<>(CAPACITY);

    void record(ClosedWindow closed) {
        int slot = (int) (closed.number() % CAPACITY);
        ClosedWindow there = slots.get(slot);
        while ((there == null || there.number() < closed.number()) && !slots.compareAndSet(slot, there, closed)) {
            there = slots.get(slot);
        }
    }

    /** The windows kept, oldest first. */
    List<ClosedWindow> windows() {
        List<ClosedWindow> windows = new ArrayList<>(CAPACITY);
        for (int i = 0; i < CAPACITY; i++) {
            ClosedWindow w = slots.get(i);
            if (w != null) {
                windows.add(w);
            }
        }
        windows.sort(Comparator.comparingLong(ClosedWindow::number));
        return windows;
    }
}
