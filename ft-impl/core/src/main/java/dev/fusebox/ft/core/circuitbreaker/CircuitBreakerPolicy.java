package dev.fusebox.ft.core.circuitbreaker;

/**
 * The parameters of one circuit breaker, validated. Immutable.
 *
 * @param requestVolumeThreshold size of the rolling window of most recent calls, 1 to
 *                               {@value #MAX_REQUEST_VOLUME_THRESHOLD}
 * @param failureRatio           share of failures in a full window that opens the circuit, 0..1
 * @param delayNanos             how long the circuit stays open before trial calls, at least 0
 * @param successThreshold       successful trial calls that close a half-open circuit, at least 1
 */
public record CircuitBreakerPolicy(int requestVolumeThreshold, double failureRatio, long delayNanos,
                                   int successThreshold) {

    /**
     * The largest rolling window: it is an array of that many outcomes (8 bytes each, twice while
     * a new size is applied), allocated when the breaker is built or reconfigured, so a bad value
     * must be refused before, not met as an OutOfMemoryError.
     */
    public static final int MAX_REQUEST_VOLUME_THRESHOLD = 10_000;

    public CircuitBreakerPolicy {
        if (requestVolumeThreshold < 1) {
            throw new IllegalArgumentException("requestVolumeThreshold must be at least 1: " + requestVolumeThreshold);
        }
        if (requestVolumeThreshold > MAX_REQUEST_VOLUME_THRESHOLD) {
            throw new IllegalArgumentException("requestVolumeThreshold must be at most " + MAX_REQUEST_VOLUME_THRESHOLD
                    + " (the rolling window keeps that many outcomes in memory): " + requestVolumeThreshold);
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
