package dev.fusebox.ft.core.adaptive;

import java.util.Objects;

/**
 * The parameters of one adaptive concurrency limit, validated. Immutable.
 *
 * @param algorithm     how the limit moves after each window
 * @param initialLimit  the limit before the first window closes, within {@code [minLimit, maxLimit]}
 * @param minLimit      the least the limit falls to, at least 1
 * @param maxLimit      the most it grows to, at most {@value #MAX_LIMIT}
 * @param windowNanos   how long a sampling window lasts at least, 1 ms to 1 hour
 * @param minSamples    how many calls must end in a window before it closes (it stays open until
 *                      they have), 1 to 10,000
 * @param liveReserve   the share of the limit only {@link Priority#LIVE} calls may use, 0 (none) to 0.9
 */
public record AdaptiveLimitPolicy(LimitAlgorithm algorithm, int initialLimit, int minLimit, int maxLimit,
        long windowNanos, int minSamples, double liveReserve) {

    /**
     * The largest limit: the limit and the calls in flight share one long with a generation
     * ({@link AdaptiveLimit}), 20 bits each, so the bound must stay below 2^20; a concurrency
     * limit above 10,000 is no limit for one JVM.
     */
    public static final int MAX_LIMIT = 10_000;

    /** The longest window and timeout, 1 hour. */
    public static final long MAX_NANOS = 3_600_000_000_000L;

    public AdaptiveLimitPolicy {
        Objects.requireNonNull(algorithm, "adaptive limit algorithm is required");
        if (minLimit < 1 || maxLimit > MAX_LIMIT || minLimit > maxLimit) {
            throw new IllegalArgumentException("adaptive limit bounds must satisfy 1 <= minLimit <= maxLimit <= "
                    + MAX_LIMIT + ": minLimit " + minLimit + ", maxLimit " + maxLimit);
        }
        if (initialLimit < minLimit || initialLimit > maxLimit) {
            throw new IllegalArgumentException("adaptive limit initialLimit must lie within [" + minLimit + ", "
                    + maxLimit + "]: " + initialLimit);
        }
        if (windowNanos < 1_000_000L || windowNanos > MAX_NANOS) {
            throw new IllegalArgumentException("adaptive limit window must be from 1 ms to 1 hour: " + windowNanos + " ns");
        }
        if (minSamples < 1 || minSamples > 10_000) {
            throw new IllegalArgumentException("adaptive limit minSamples must be from 1 to 10000: " + minSamples);
        }
        if (!(liveReserve >= 0 && liveReserve <= 0.9)) {
            throw new IllegalArgumentException("adaptive limit liveReserve must be from 0 to 0.9: " + liveReserve);
        }
    }

    /** The places of {@code limit} that batch calls may use: all but the live reserve, rounded up. */
    int batchCeiling(int limit) {
        return limit - (int) Math.ceil(limit * liveReserve);
    }
}
