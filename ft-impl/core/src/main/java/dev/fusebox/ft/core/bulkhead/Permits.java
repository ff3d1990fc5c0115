package dev.fusebox.ft.core.bulkhead;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded count of things in use (execution slots, queue places), taken and given back without
 * locks.
 *
 * <p>Implementation notes. The count lives in one AtomicInteger. {@link #tryAcquire} is a CAS loop
 * that only increments from a value below the limit, so the count never exceeds the limit; its
 * linearization point is the successful CAS. {@link #release} is a decrement; a release without a
 * matching acquire is a caller bug and is refused before it can drive the count negative. The
 * limit may change at run time: a lower limit refuses new permits until enough are given back
 * (those in use are never revoked), a higher one admits at once. Thread-safe.
 */
final class Permits {

    private volatile int limit;
    private final AtomicInteger used = new AtomicInteger();

    Permits(int limit) {
        this.limit = limit;
    }

    boolean tryAcquire() {
        int current = used.get();
        while (current < limit) {
            if (used.compareAndSet(current, current + 1)) {
                return true;
            }
            current = used.get();
        }
        return false;
    }

    void release() {
        int current = used.get();
        while (true) {
            if (current <= 0) {
                throw new IllegalStateException("permit released more often than acquired");
            }
            if (used.compareAndSet(current, current - 1)) {
                return;
            }
            current = used.get();
        }
    }

    int used() {
        return used.get();
    }

    int limit() {
        return limit;
    }

    /** Changes the limit; permits in use above a lowered limit stay until released. */
    void resize(int newLimit) {
        limit = newLimit;
    }
}
