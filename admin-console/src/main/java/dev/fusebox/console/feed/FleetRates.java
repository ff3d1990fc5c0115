package dev.fusebox.console.feed;

import java.util.Map;

/**
 * One reading of the fleet's call and rejection rates from a Prometheus server: per second over the
 * last minute, summed over every instance Prometheus scrapes, keyed by the metrics' {@code method}
 * label ({@code com.example.PaymentsClient.charge}); or, when Prometheus could not be asked or
 * answered something refused, why (and no rates).
 *
 * <p>Thread-safety: an immutable record (the maps are copied); safe on any thread.
 *
 * @param prometheus        the Prometheus base address asked
 * @param atEpochMillis     when the answer came (or the attempt failed)
 * @param problem           why there are no rates, one sentence naming the address; empty when read
 * @param callsPerSecond    {@code method} label to calls per second (every outcome)
 * @param rejectedPerSecond {@code method} label to calls per second refused by an open breaker or a
 *                          full bulkhead
 */
public record FleetRates(String prometheus, long atEpochMillis, String problem, Map<String, Double> callsPerSecond,
                         Map<String, Double> rejectedPerSecond) {

    public FleetRates {
        callsPerSecond = Map.copyOf(callsPerSecond);
        rejectedPerSecond = Map.copyOf(rejectedPerSecond);
    }

    /** A failed reading: no rates, and why. */
    public static FleetRates failed(String prometheus, long atEpochMillis, String problem) {
        return new FleetRates(prometheus, atEpochMillis, problem, Map.of(), Map.of());
    }

    /** Whether Prometheus answered (the maps hold its rates; a method it has no series for is absent). */
    public boolean ok() {
        return problem.isEmpty();
    }
}
