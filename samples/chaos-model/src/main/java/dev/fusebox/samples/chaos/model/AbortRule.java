package dev.fusebox.samples.chaos.model;

import java.util.Locale;

/**
 * Stops an experiment early: when {@code metric} is above {@code threshold} for {@code forSeconds}
 * consecutive seconds, every fault is healed and the load stops. Immutable.
 *
 * @param line the line of the experiment file it came from
 * @param metric what is watched
 * @param threshold a share from 0 to 1 for {@link Metric#ERRORS} and {@link Metric#DEGRADED},
 *                  milliseconds for {@link Metric#P99}
 * @param forSeconds consecutive seconds above the threshold, at least 1
 */
public record AbortRule(int line, Metric metric, double threshold, int forSeconds) {

    /** The per-second figures an abort rule can watch. */
    public enum Metric {
        ERRORS,
        P99,
        DEGRADED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AbortRule {
        if (forSeconds < 1) {
            throw new IllegalArgumentException("an abort rule needs at least 1 s, was " + forSeconds);
        }
    }

    /** E.g. {@code errors > 50% for 5 s}. */
    public String describe() {
        String limit = metric == Metric.P99 ? Math.round(threshold) + " ms"
                : String.format(Locale.ROOT, "%.4g", threshold * 100).replaceAll("\\.?0+$", "") + "%";
        return metric.word() + " > " + limit + " for " + forSeconds + " s";
    }
}
