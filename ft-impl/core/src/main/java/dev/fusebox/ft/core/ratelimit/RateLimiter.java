package dev.fusebox.ft.core.ratelimit;

/**
 * Decides whether a call may start at a given time, against one {@link RateLimitPolicy}: the
 * lock-free engine of a rate limit. Time is passed in (the caller reads its ticker), measured
 * from the origin the limiter was made with. Thread-safe; nothing is allocated per call.
 *
 * <p>What every kind shares: a refused call changes nothing that a later decision reads (with
 * min spacing, see {@link SpacedLimiter}, only while a decision is under way), so an arrival trace
 * gets the same decisions whether refused calls were really refused or only counted (shadow mode).
 * A call whose time lies before a time the limiter has already admitted a call at may be refused
 * although a call at its time would have been admitted earlier: a limiter never reorders the past.
 */
public abstract sealed class RateLimiter permits FixedWindowLimiter, SmoothLimiter, RollingWindowLimiter, SpacedLimiter {

    RateLimiter() {
    }

    /**
     * Admits a call at {@code nowNanos} (taking its share of the limit) or refuses it (taking
     * nothing). Returns 0 when admitted; otherwise, always more than 0, the nanoseconds after which
     * a call could be admitted if no other call comes in between. Advisory: concurrent calls may
     * take the room first, but for a single caller it is exact, and a call made sooner is refused.
     */
    public abstract long tryAcquire(long nowNanos);

    /**
     * What {@link #tryAcquire} would answer at {@code nowNanos} without taking anything: 0 when a
     * call would be admitted. Reads only; used to give a spacing refusal the window's wait too.
     */
    abstract long waitNanos(long nowNanos);

    /** A limiter for {@code policy} whose windows start at {@code originNanos} (a reading of the caller's ticker). */
    public static RateLimiter create(RateLimitPolicy policy, long originNanos) {
        return create(policy, originNanos, LimiterParts.partsForLimit(policy.limit()));
    }

    /**
     * As {@link #create(RateLimitPolicy, long)}, with a FIXED or SMOOTH window splitting into
     * {@code split} parts at its first contention (0: never; else a power of two, at most the limit).
     * For tests, which split small limits.
     */
    static RateLimiter create(RateLimitPolicy policy, long originNanos, int split) {
        if (split != 0 && (Integer.bitCount(split) != 1 || split < 2 || split > policy.limit())) {
            throw new IllegalArgumentException("split must be 0 or a power of two from 2 to the limit: " + split);
        }
        RateLimiter window = switch (policy.window()) {
            case FIXED -> new FixedWindowLimiter(policy, originNanos, split);
            case ROLLING -> new RollingWindowLimiter(policy, originNanos);
            case SMOOTH -> new SmoothLimiter(policy, originNanos, split);
        };
        return policy.minSpacingNanos() == 0 ? window : new SpacedLimiter(window, policy.minSpacingNanos(), originNanos);
    }
}
