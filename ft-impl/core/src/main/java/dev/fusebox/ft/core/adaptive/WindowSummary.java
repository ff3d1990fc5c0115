package dev.fusebox.ft.core.adaptive;

/**
 * What one sampling window of an {@link AdaptiveLimit} saw, handed to its {@link LimitAlgorithm}.
 *
 * @param averageRttNanos the mean round trip of the calls that ended in the window
 * @param maxInflight     the most calls in flight at once during the window
 * @param dropped         whether any call ended dropped (overloaded: timed out, refused downstream)
 * @param samples         how many calls ended in the window
 */
public record WindowSummary(long averageRttNanos, int maxInflight, boolean dropped, long samples) {
}
