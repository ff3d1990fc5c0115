package dev.fusebox.ft.api;

/** How a {@link RateLimit} measures its window. Immutable. */
public enum RateLimitType {

    /**
     * Time is cut into consecutive windows; each admits up to the limit. Cheapest, but up to twice
     * the limit may pass around a window boundary.
     */
    FIXED,

    /** No interval of one window's length, wherever it starts, holds more admitted calls than the limit. */
    ROLLING,

    /**
     * Calls are spread evenly: one more call is allowed every window / limit, with a burst of up to
     * the limit after a quiet period.
     */
    SMOOTH
}
