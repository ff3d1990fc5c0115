package dev.fusebox.console.feed;

/**
 * A rate limit's attributes as read from its MXBean ({@code type=RateLimit}) at one moment.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param key              which guarded method
 * @param type             how the window is measured: FIXED, ROLLING or SMOOTH
 * @param limit            calls admitted per window
 * @param windowMillis     the window's length
 * @param minSpacingMillis least time between two admitted calls (0: none)
 * @param permitted        counter: calls admitted
 * @param rejected         counter: calls refused
 * @param wouldReject      counter: calls it would have refused in shadow mode, and let through
 * @param shadow           in shadow mode (counts, refuses nothing)
 */
public record RateLimitReading(MethodKey key, String type, int limit, long windowMillis, long minSpacingMillis,
                               long permitted, long rejected, long wouldReject, boolean shadow) {
}
