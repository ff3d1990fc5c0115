package dev.fusebox.ft.core.adaptive;

/**
 * A {@link LimitAlgorithm}'s state between windows. Immutable: each window's closing makes a new one.
 *
 * @param limit      the limit, kept fractional so that small steps add up (the limit applied is its
 *                   floor, at least the policy's minimum)
 * @param longRtt    the long-term round trip in nanoseconds (GRADIENT's baseline; 0 before the first window)
 * @param windows    how many windows have closed
 */
public record Estimate(double limit, double longRtt, long windows) {

    /** The state before any window: the policy's initial limit, no baseline yet. */
    public static Estimate initial(int limit) {
        return new Estimate(limit, 0, 0);
    }
}
