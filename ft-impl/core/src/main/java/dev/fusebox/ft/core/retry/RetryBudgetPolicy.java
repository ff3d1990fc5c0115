package dev.fusebox.ft.core.retry;

/**
 * The parameters of one retry budget, validated (Finagle's retry budget: every first attempt
 * deposits {@code ratio} of a retry, every retry withdraws one, deposits and withdrawals count for
 * {@code ttl}, and a reserve of {@code minRetriesPerSecond * ttl} retries per ttl is there even
 * without traffic). Immutable.
 *
 * <p>The budget counts in thousandths of a retry, so that it never rounds on the hot path: the
 * ratio is kept to the nearest thousandth ({@link #ratioPerMille()}), the reserve exactly
 * ({@link #reserveMilli()}). Time is cut into {@link #SLICES} slices of {@code ttl / 10}
 * ({@link #sliceNanos()}; a ttl that is not a multiple of 10 ns loses the remainder).
 *
 * @param ratio               retries a first attempt pays for, 0 to {@link #MAX_RATIO}; 0 leaves only the reserve
 * @param ttlNanos            how long deposits and withdrawals count, {@link #MIN_TTL_NANOS} to {@link #MAX_TTL_NANOS}
 * @param minRetriesPerSecond retries allowed per second without any first attempt, 0 to {@link #MAX_MIN_RETRIES_PER_SECOND}
 */
public record RetryBudgetPolicy(double ratio, long ttlNanos, int minRetriesPerSecond) {

    /** The largest ratio: ten retries per first attempt already multiplies the load by eleven. */
    public static final double MAX_RATIO = 10;
    /** The shortest ttl, one second (Finagle's bound). */
    public static final long MIN_TTL_NANOS = 1_000_000_000L;
    /** The longest ttl, one minute (Finagle's bound). */
    public static final long MAX_TTL_NANOS = 60_000_000_000L;
    /** The largest reserve rate; with the longest ttl, a reserve of six million retries. */
    public static final int MAX_MIN_RETRIES_PER_SECOND = 100_000;
    /** The slices a ttl is cut into; a deposit expires with its slice. */
    public static final int SLICES = 10;
    /** Finagle's defaults: a fifth of a retry per first attempt, ten seconds, ten retries per second. */
    public static final RetryBudgetPolicy DEFAULT = new RetryBudgetPolicy(0.2, 10_000_000_000L, 10);

    public RetryBudgetPolicy {
        if (!(ratio >= 0 && ratio <= MAX_RATIO)) {
            throw new IllegalArgumentException(
                    "retry budget ratio must be between 0 and 10 (retries per first attempt): " + ratio);
        }
        if (ratio > 0 && Math.round(ratio * 1000) == 0) {
            throw new IllegalArgumentException(
                    "retry budget ratio must be 0 or at least 0.0005 (it is kept in thousandths): " + ratio);
        }
        if (ttlNanos < MIN_TTL_NANOS || ttlNanos > MAX_TTL_NANOS) {
            throw new IllegalArgumentException("retry budget ttl must be between 1 s and 60 s: " + ttlNanos + " ns");
        }
        if (minRetriesPerSecond < 0 || minRetriesPerSecond > MAX_MIN_RETRIES_PER_SECOND) {
            throw new IllegalArgumentException("retry budget minRetriesPerSecond must be between 0 and "
                    + MAX_MIN_RETRIES_PER_SECOND + ": " + minRetriesPerSecond);
        }
    }

    /** What one first attempt deposits, in thousandths of a retry: the ratio rounded to the nearest thousandth. */
    public long ratioPerMille() {
        return Math.round(ratio * 1000);
    }

    /** The reserve in thousandths of a retry: {@code minRetriesPerSecond * ttl}, exact (at most 6 * 10^9). */
    public long reserveMilli() {
        return minRetriesPerSecond * ttlNanos / 1_000_000L;
    }

    /** The length of one slice: {@code ttl / SLICES}, rounded down to a nanosecond. */
    public long sliceNanos() {
        return ttlNanos / SLICES;
    }
}
