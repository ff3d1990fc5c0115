package dev.fusebox.ft.core.bulkhead;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded count of things in use (execution slots, queue places), taken and given back without
 * locks.
 *
 * <p>Implementation notes. The count is one int, taken and given back by compare-and-exchange
 * loops. {@link #tryAcquire} only increments from a value below the limit, so the count never
 * exceeds the limit; its linearization point is the successful exchange, or, when it refuses, the
 * failed exchange whose witness (a value the count really held at that moment) was at the limit.
 * {@link #release} only decrements from a positive value: a release without a matching acquire is a
 * caller bug and is refused (linearization point: the failed exchange that saw 0) before it can
 * drive the count negative. The limit may change at run time: a lower limit refuses new permits
 * until enough are given back (those in use are never revoked), a higher one admits at once.
 *
 * <p>Why it is shaped for two threads on one bulkhead (issue 12). Every call writes the count
 * twice, from every thread: that write is inherent (a bulkhead is one shared count), but two
 * things about it are not. First, each loop starts with a guess instead of a plain read (an idle
 * bulkhead for an acquire, the caller alone for a release): a right guess is one atomic
 * instruction, one transfer of the cache line, where read-then-CAS takes two (shared, then
 * owned); a wrong guess costs one failed exchange, which returns the true value and leaves the
 * line owned, so the retry is local. Second, the count sits in the middle of an array of
 * {@link #SLOTS} ints, so that no other object (the breaker's phase, the counters the same call
 * reads) shares its 64-byte cache line and is invalidated with every permit. Thread-safe.
 */
final class Permits {

    /** 64 bytes of padding on either side of the count. */
    private static final int SLOTS = 33;
    private static final int COUNT = 16;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);

    private volatile int limit;
    /** Only {@code padded[COUNT]} is used: the permits in use. */
    private final int[] padded = new int[SLOTS];

    Permits(int limit) {
        this.limit = limit;
    }

    boolean tryAcquire() {
        int expected = 0;
        while (expected < limit) {
            int witness = (int) SLOT.compareAndExchange(padded, COUNT, expected, expected + 1);
            if (witness == expected) {
                return true;
            }
            expected = witness;
        }
        return false;
    }

    void release() {
        int expected = 1;
        while (true) {
            int witness = (int) SLOT.compareAndExchange(padded, COUNT, expected, expected - 1);
            if (witness == expected) {
                return;
            }
            if (witness <= 0) {
                throw new IllegalStateException("permit released more often than acquired");
            }
            expected = witness;
        }
    }

    int used() {
        return (int) SLOT.getVolatile(padded, COUNT);
    }

    int limit() {
        return limit;
    }

    /** Changes the limit; permits in use above a lowered limit stay until released. */
    void resize(int newLimit) {
        limit = newLimit;
    }
}
