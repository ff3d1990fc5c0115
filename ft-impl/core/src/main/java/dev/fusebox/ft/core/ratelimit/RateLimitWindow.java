package dev.fusebox.ft.core.ratelimit;

/**
 * How a rate limit counts calls against its window of {@code W} nanoseconds and limit {@code N}.
 * Immutable.
 */
public enum RateLimitWindow {

    /**
     * Time is cut into consecutive windows of length W from the limiter's origin; each admits at
     * most N calls. Two windows' worth (2N) can pass close to a boundary.
     */
    FIXED,

    /** At most N calls in any interval of length W (a sliding log of the last N admissions). */
    ROLLING,

    /**
     * A steady rate of N per W (one call per {@code ceil(W/N)}) with bursts of up to N after
     * idle time: at most {@code N + floor(x / ceil(W/N))} calls in any interval of length x.
     */
    SMOOTH
}
