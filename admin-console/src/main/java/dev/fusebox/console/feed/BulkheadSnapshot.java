package dev.fusebox.console.feed;

/**
 * A bulkhead as the console shows it.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param reading              the latest attributes
 * @param acceptedPerSecond    admissions per second between the last two polls
 * @param rejectionsPerSecond  refusals per second between the last two polls
 */
public record BulkheadSnapshot(BulkheadReading reading, double acceptedPerSecond, double rejectionsPerSecond) {

    public MethodKey key() {
        return reading.key();
    }
}
