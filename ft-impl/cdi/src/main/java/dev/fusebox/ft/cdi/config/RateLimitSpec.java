package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.api.RateLimitType;

/**
 * A resolved {@code @RateLimit}: how many calls per window, how the window is measured, the least
 * spacing between admitted calls, and whether it runs in shadow mode (counts what it would reject,
 * rejects nothing). The limit bounds memory for a rolling window, which keeps one slot per call it
 * admits, so it has an upper bound, refused at deployment and by a live change.
 * Thread-safety: immutable.
 */
public record RateLimitSpec(RateLimitType type, int limit, long windowNanos, long minSpacingNanos, boolean shadow) {

    /** The most calls per window of a fixed or smooth window (counted in one packed number). */
    public static final int MAX_LIMIT = 1_000_000;
    /** The most calls per window of a rolling window (one slot of memory per admitted call). */
    public static final int MAX_ROLLING_LIMIT = 10_000;
}
