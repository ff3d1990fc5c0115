package dev.fusebox.ft.core.circuitbreaker;

/**
 * The parameters of one circuit breaker, validated. Immutable.
 *
 * @param requestVolumeThreshold size of the rolling window of most recent calls, 1 to
 *                               {@link #MAX_REQUEST_VOLUME}
 * @param failureRatio           share of failures in a full window that opens the circuit, 0..1
 * @param delayNanos             how long the circuit stays open before trial calls, at least 0
 * @param successThreshold       successful trial calls that close a half-open circuit, at least 1
 */
public record CircuitBreakerPolicy(int requestVolumeThreshold, double failureRatio, long delayNanos,
                                   int successThreshold) {

    /**
     * The largest window the rolling window can index (its head word packs the failure count and
     * the position; see {@link RollingWindow}). Far above any sensible window: it would take 8 GiB.
     */
    public static final int MAX_REQUEST_VOLUME = (1 << 30) - 1;

    public CircuitBreakerPolicy {
        if (requestVolumeThreshold < 1) {
            throw new IllegalArgumentException("requestVolumeThreshold must be at least 1: " + requestVolumeThreshold);
        }
        if (requestVolumeThreshold > MAX_REQUEST_VOLUME) {
            throw new IllegalArgumentException("requestVolumeThreshold must be at most " + MAX_REQUEST_VOLUME + ": "
                    + requestVolumeThreshold);
        }
        if (!(failureRatio >= 0 && failureRatio <= 1)) {
            throw new IllegalArgumentException("failureRatio must be between 0 and 1: " + failureRatio);
        }
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delay must not be negative: " + delayNanos);
        }
        if (successThreshold < 1) {
            throw new IllegalArgumentException("successThreshold must be at least 1: " + successThreshold);
        }
    }

    /** The fewest failures in a full window whose ratio reaches {@link #failureRatio}. */
    int failuresToOpen() {
        int failures = 0;
        while (failures < requestVolumeThreshold && (double) failures / requestVolumeThreshold < failureRatio) {
            failures++;
        }
        return failures;
    }
}
