package dev.fusebox.ft.core.hedge;

/**
 * The parameters of one hedge, validated. Immutable.
 *
 * @param delayNanos the wait before each further attempt, 1 ms to 1 hour; with a percentile, the
 *                   wait until enough latencies are known
 * @param maxHedges  how many further attempts a call may start, 1 to {@value #MAX_HEDGES}
 * @param percentile 0 for the fixed delay; else the share of recent first attempts that answer
 *                   before a hedge starts, 0.5 to 0.999 (0.95: hedge the slowest 5 %)
 */
public record HedgePolicy(long delayNanos, int maxHedges, double percentile) {

    /** The most further attempts: each one is the load of a whole call again. */
    public static final int MAX_HEDGES = 4;
    public static final long MIN_DELAY_NANOS = 1_000_000L;
    public static final long MAX_DELAY_NANOS = 3_600_000_000_000L;

    public HedgePolicy {
        if (delayNanos < MIN_DELAY_NANOS || delayNanos > MAX_DELAY_NANOS) {
            throw new IllegalArgumentException("hedge delay must be from 1 ms to 1 hour: " + delayNanos + " ns");
        }
        if (maxHedges < 1 || maxHedges > MAX_HEDGES) {
            throw new IllegalArgumentException("hedge maxHedges must be from 1 to " + MAX_HEDGES + ": " + maxHedges);
        }
        if (percentile != 0 && !(percentile >= 0.5 && percentile <= 0.999)) {
            throw new IllegalArgumentException("hedge percentile must be 0 (a fixed delay) or from 0.5 to 0.999: " + percentile);
        }
    }
}
