package dev.fusebox.samples.demo;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts checkouts and the outcome of each dependency call, per reporting interval and in all.
 * A checkout is recorded whole, under one lock, so an interval's counts always add up.
 * Thread-safe.
 */
public final class CheckoutStats {

    /** How a checkout ended. */
    public enum Result {
        /** Every dependency answered. */
        OK,
        /** Paid, but inventory or recommendations came from a fallback. */
        DEGRADED,
        /** Not paid: the payment failed (or, unexpectedly, inventory threw). */
        FAILED
    }

    /**
     * What happened in one interval.
     *
     * @param results checkouts by result
     * @param calls per dependency, calls by outcome (only outcomes that happened)
     */
    public record Interval(Map<Result, Long> results, Map<String, Map<Outcome, Long>> calls) {

        public long checkouts() {
            return results.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(Result result) {
            return results.getOrDefault(result, 0L);
        }

        public long calls(String dependency) {
            return calls.getOrDefault(dependency, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(String dependency, Outcome outcome) {
            return calls.getOrDefault(dependency, Map.of()).getOrDefault(outcome, 0L);
        }
    }

    private final List<String> dependencies;
    private Map<Result, Long> results;
    private Map<String, Map<Outcome, Long>> calls;
    private long total;

    public CheckoutStats(List<String> dependencies) {
        this.dependencies = List.copyOf(dependencies);
        reset();
    }

    /** Records one finished checkout: its result and the outcome of each dependency it called. */
    public synchronized void record(Result result, Map<String, Outcome> outcomes) {
        results.merge(result, 1L, Long::sum);
        outcomes.forEach((dependency, outcome) -> calls.get(dependency).merge(outcome, 1L, Long::sum));
        total++;
    }

    /** The counts since the last call (or the start), and starts a new interval. */
    public synchronized Interval nextInterval() {
        Interval interval = new Interval(Map.copyOf(results), copy(calls));
        reset();
        return interval;
    }

    /** Checkouts finished since the start. */
    public synchronized long total() {
        return total;
    }

    private void reset() {
        results = new EnumMap<>(Result.class);
        calls = new LinkedHashMap<>();
        dependencies.forEach(name -> calls.put(name, new EnumMap<>(Outcome.class)));
    }

    private static Map<String, Map<Outcome, Long>> copy(Map<String, Map<Outcome, Long>> calls) {
        Map<String, Map<Outcome, Long>> copy = new LinkedHashMap<>();
        calls.forEach((name, outcomes) -> copy.put(name, new EnumMap<>(outcomes)));
        return copy;
    }
}
