package dev.fusebox.samples.chaos.model;

/**
 * Limits one second of load must keep to: the share of answers that were errors, the 99th
 * percentile latency, and the share of successful answers that were degraded (a fallback answered).
 * A limit of 1 for a share, or {@link Double#POSITIVE_INFINITY} for the latency, checks nothing.
 * Immutable.
 *
 * @param maxErrorRate from 0 to 1
 * @param maxP99Millis at least 0
 * @param maxDegradedRate from 0 to 1
 */
public record Thresholds(double maxErrorRate, double maxP99Millis, double maxDegradedRate) {

    public Thresholds {
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1) || !(maxDegradedRate >= 0 && maxDegradedRate <= 1)
                || !(maxP99Millis >= 0)) {
            throw new IllegalArgumentException("shares are from 0 to 1 and latencies not negative: " + maxErrorRate
                    + ", " + maxDegradedRate + ", " + maxP99Millis);
        }
    }

    /** Whether a second with these figures keeps to every limit (each is "at most"). */
    public boolean admits(double errorRate, double p99Millis, double degradedRate) {
        return errorRate <= maxErrorRate && p99Millis <= maxP99Millis && degradedRate <= maxDegradedRate;
    }
}
