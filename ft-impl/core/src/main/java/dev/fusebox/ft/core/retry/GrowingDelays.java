package dev.fusebox.ft.core.retry;

import java.util.random.RandomGenerator;

/**
 * The waits of one call under a growing backoff (exponential or Fibonacci). With c the sequence's
 * next wait capped at maxDelay (a subclass says how c grows, saturating at Long.MAX_VALUE instead of
 * overflowing, so unlimited retries are safe), the wait drawn is, by jitter kind:
 * <ul>
 * <li>NONE: c;</li>
 * <li>FULL: uniform in [0, c];</li>
 * <li>EQUAL: uniform in [c - c/2, c] (c/2 rounded down, so the lower end is c/2 rounded up);</li>
 * <li>DECORRELATED (AWS): s = min(cap, uniform in [base, max(base, 3s')]) with s' the wait drawn
 * before, starting from base; the sequence's growth is not used, only its base and cap.</li>
 * </ul>
 * All draws are integers, both ends included. Not thread-safe: one per call, made at its first retry.
 */
abstract class GrowingDelays implements RetryDelays {

    private final long base;
    private final long cap;
    private final Jitter jitter;
    /** DECORRELATED only: the wait drawn before, base before the first. */
    private long previous;

    GrowingDelays(long base, long maxDelayNanos, Jitter jitter) {
        this.base = base;
        this.cap = maxDelayNanos == 0 ? Long.MAX_VALUE : maxDelayNanos;
        this.jitter = jitter;
        this.previous = base;
    }

    /** The sequence's next wait before cap and jitter, at most Long.MAX_VALUE (saturating). */
    abstract long grow();

    @Override
    public final long nextDelayNanos(Throwable cause, RandomGenerator random) {
        if (jitter == Jitter.DECORRELATED) {
            long tripled = previous > Long.MAX_VALUE / 3 ? Long.MAX_VALUE : previous * 3;
            previous = Math.min(cap, uniform(random, base, Math.max(base, tripled)));
            return previous;
        }
        long c = Math.min(cap, grow());
        return switch (jitter) {
            case NONE -> c;
            case FULL -> uniform(random, 0, c);
            case EQUAL -> uniform(random, c - c / 2, c);
            case DECORRELATED -> throw new AssertionError("drawn above");
        };
    }

    /** Uniform in [low, high], both included ({@code 0 <= low <= high}); one draw unless the range is one value. */
    static long uniform(RandomGenerator random, long low, long high) {
        if (low == high) {
            return low;
        }
        return high < Long.MAX_VALUE ? random.nextLong(low, high + 1) : random.nextLong(low - 1, high) + 1;
    }
}
