package dev.fusebox.ft.core.circuitbreaker;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The trial calls of one half-open stay: how many were admitted and how many of them succeeded.
 *
 * <p>Implementation notes. Both counts live in one word ({@code admitted << 32 | succeeded}), so a
 * reader always sees a pair that existed: a snapshot never shows more successes than admissions,
 * and the breaker's re-judging under a new success threshold reads both at one moment. Admission
 * is a CAS that raises {@code admitted} while it is below the limit the caller passes (the
 * threshold in force at that moment: a lowered threshold admits no more once it is reached, a
 * raised one admits more); linearization point: the successful CAS. A success is one atomic add to
 * the low half (it never carries into the high half: successes never exceed admissions, which fit
 * in an int); linearization point: the add. Failures are not counted here: the first one ends the
 * stay. So while the stay is current, {@code admitted - succeeded} trials are still running.
 * Thread-safe.
 */
final class HalfOpenTrials {

    private static final long ONE_ADMITTED = 1L << 32;

    private final AtomicLong counts = new AtomicLong();

    /** Admits one more trial unless {@code limit} have been admitted already. */
    boolean tryAdmit(int limit) {
        long seen = counts.get();
        while (admitted(seen) < limit) {
            if (counts.compareAndSet(seen, seen + ONE_ADMITTED)) {
                return true;
            }
            seen = counts.get();
        }
        return false;
    }

    /** Counts one trial's success; returns the successes so far, this one included. */
    int succeed() {
        return succeeded(counts.incrementAndGet());
    }

    /** Both counts read at one moment: decode with {@link #admitted(long)} and {@link #succeeded(long)}. */
    long read() {
        return counts.get();
    }

    static int admitted(long counts) {
        return (int) (counts >>> 32);
    }

    static int succeeded(long counts) {
        return (int) counts;
    }
}
