package dev.fusebox.ft.core.ratelimit;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The parts a contended FIXED or SMOOTH limiter splits into: a few limiters of the same kind that
 * share the limit between them, each with its state word on a cache line of its own, so that
 * threads admitted through different parts no longer write one shared word.
 *
 * <p>A limiter starts whole: one state word, exact, and as cheap as one compare-and-exchange while
 * one thread at a time calls it. The first time an exchange on that word fails (two calls at
 * once), and if the limit is large enough to share ({@link #partsFor}), it splits once for its
 * life: it builds the parts from its state at that moment, so that together they admit no more
 * than it still could, then retires its word with one compare-and-exchange; every later call goes
 * to the parts. See {@link FixedWindowLimiter} and {@link SmoothLimiter} for how each kind shares
 * its limit and why the parts together keep its bound.
 *
 * <p>A call asks the part of its thread first (the thread id picks it, so threads with consecutive
 * ids use different parts) and, refused there, every other part in turn: a call is refused only
 * when every part refused it, so a limit is never left unused because one thread's part ran dry.
 * The answer to a refused call is the shortest wait any part gave. Thread-safe; lock-free as its
 * parts are.
 */
final class LimiterParts {

    /**
     * Longs between two parts' state words: 128 bytes, so that no two words (and no word and the
     * array's header) share a cache line, even with adjacent-line prefetching.
     */
    private static final int STRIDE = 16;

    /** The least limit per part: below it a split would only fragment a small limit. */
    static final int MIN_PART_LIMIT = 16;

    /** How many parts a limiter of this JVM splits into: twice the processors, a power of two, 2 to 16; 1 (never split) on one processor. */
    static final int PARTS = partsFor(Runtime.getRuntime().availableProcessors());

    private final RateLimiter[] parts;
    private final int mask;

    LimiterParts(RateLimiter[] parts) {
        if (Integer.bitCount(parts.length) != 1 || parts.length < 2) {
            throw new IllegalArgumentException("parts must be a power of two, at least 2: " + parts.length);
        }
        this.parts = parts;
        this.mask = parts.length - 1;
    }

    static int partsFor(int processors) {
        return processors < 2 ? 1 : Math.min(16, Integer.highestOneBit(processors) * 2);
    }

    /** How many parts a limiter with {@code limit} calls per window splits into under contention: 0 when it never splits. */
    static int partsForLimit(int limit) {
        return PARTS > 1 && limit >= PARTS * MIN_PART_LIMIT ? PARTS : 0;
    }

    /** The state words of {@code count} parts, each at {@link #slot}. */
    static AtomicLongArray words(int count) {
        return new AtomicLongArray((count + 2) * STRIDE);
    }

    /** Where part {@code part}'s state word lies in {@link #words}. */
    static int slot(int part) {
        return (part + 1) * STRIDE;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() needs JDK 19; the baseline is 17
    long tryAcquire(long nowNanos) {
        int home = (int) Thread.currentThread().getId() & mask;
        long wait = parts[home].tryAcquire(nowNanos);
        for (int i = 1; wait != 0 && i < parts.length; i++) {
            long other = parts[(home + i) & mask].tryAcquire(nowNanos);
            wait = Math.min(wait, other);
        }
        return wait;
    }

    long waitNanos(long nowNanos) {
        long wait = Long.MAX_VALUE;
        for (int i = 0; wait != 0 && i < parts.length; i++) {
            wait = Math.min(wait, parts[i].waitNanos(nowNanos));
        }
        return wait;
    }
}
