package dev.fusebox.ft.core.ratelimit;

import java.util.Objects;

/**
 * The parameters of one rate limit, validated. Immutable.
 *
 * @param window          how calls are counted against the window (see {@link RateLimitWindow})
 * @param limit           calls admitted per window, 1 to {@value #MAX_LIMIT} ({@value #MAX_ROLLING_LIMIT}
 *                        for {@link RateLimitWindow#ROLLING})
 * @param windowNanos     length of the window, {@value #MIN_WINDOW_NANOS} ns (1 ms) to {@value #MAX_NANOS} ns
 *                        (365 days)
 * @param minSpacingNanos least time between two admitted calls, 0 (none) to {@value #MAX_NANOS} ns
 */
public record RateLimitPolicy(RateLimitWindow window, int limit, long windowNanos, long minSpacingNanos) {

    /**
     * The largest limit of a FIXED or SMOOTH window. FIXED packs the count of the current window
     * into the low 20 bits of one long, so the bound must stay below 2^20.
     */
    public static final int MAX_LIMIT = 1_000_000;

    /**
     * The largest limit of a ROLLING window: it keeps the time of each of the last {@code limit}
     * admitted calls (16 bytes each), allocated when the limiter is built, so a bad value must be
     * refused before, not met as an OutOfMemoryError.
     */
    public static final int MAX_ROLLING_LIMIT = 10_000;

    /**
     * The shortest window, 1 ms (the resolution SmallRye's windows have). FIXED packs the index of
     * its current window into the high 44 bits of one long: with windows of at least 1 ms the
     * index cannot overflow for 500 years of uptime.
     */
    public static final long MIN_WINDOW_NANOS = 1_000_000L;

    /**
     * The longest window and spacing, 365 days: the engines add windows and spacings to times
     * measured from their origin, which then stay far from overflow.
     */
    public static final long MAX_NANOS = 365L * 24 * 3600 * 1_000_000_000L;

    public RateLimitPolicy {
        Objects.requireNonNull(window, "rate limit window kind is required");
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit value must be at least 1: " + limit);
        }
        if (window == RateLimitWindow.ROLLING && limit > MAX_ROLLING_LIMIT) {
            throw new IllegalArgumentException("rate limit value must be at most " + MAX_ROLLING_LIMIT
                    + " for a ROLLING window (it keeps the time of each admitted call in memory): " + limit);
        }
        if (limit > MAX_LIMIT) {
            throw new IllegalArgumentException("rate limit value must be at most " + MAX_LIMIT + ": " + limit);
        }
        if (windowNanos < MIN_WINDOW_NANOS) {
            throw new IllegalArgumentException("rate limit window must be at least 1 ms (" + MIN_WINDOW_NANOS
                    + " ns): " + windowNanos + " ns");
        }
        if (windowNanos > MAX_NANOS) {
            throw new IllegalArgumentException("rate limit window must be at most 365 days (" + MAX_NANOS
                    + " ns): " + windowNanos + " ns");
        }
        if (minSpacingNanos < 0) {
            throw new IllegalArgumentException("rate limit minSpacing must not be negative: " + minSpacingNanos + " ns");
        }
        if (minSpacingNanos > MAX_NANOS) {
            throw new IllegalArgumentException("rate limit minSpacing must be at most 365 days (" + MAX_NANOS
                    + " ns): " + minSpacingNanos + " ns");
        }
    }

    /** SMOOTH's increment: the time one call uses up, {@code ceil(W / N)}, so the rate never exceeds N per W. */
    long incrementNanos() {
        return (windowNanos + limit - 1) / limit;
    }
}
