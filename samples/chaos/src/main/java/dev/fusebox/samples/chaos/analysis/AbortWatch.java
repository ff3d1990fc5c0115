package dev.fusebox.samples.chaos.analysis;

import dev.fusebox.samples.chaos.model.AbortRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies an experiment's abort rules to its seconds, fed in order: a rule fires when its metric is
 * above the limit in as many consecutive seconds as it says. Not thread-safe: one feeder.
 */
public final class AbortWatch {

    private final List<AbortRule> rules;
    private final int[] consecutive;
    private int expected;

    public AbortWatch(List<AbortRule> rules) {
        this.rules = List.copyOf(rules);
        this.consecutive = new int[rules.size()];
    }

    /**
     * Takes the next second and says why the experiment must stop, if a rule fires now.
     *
     * @throws IllegalArgumentException if seconds are skipped or repeated
     */
    public Optional<String> accept(SecondStats second) {
        if (second.second() != expected) {
            throw new IllegalArgumentException("expected second " + expected + ", got " + second.second());
        }
        expected++;
        for (int i = 0; i < rules.size(); i++) {
            AbortRule rule = rules.get(i);
            boolean above = second.answered() > 0 && value(rule.metric(), second) > rule.threshold();
            consecutive[i] = above ? consecutive[i] + 1 : 0;
            if (consecutive[i] >= rule.forSeconds()) {
                return Optional.of(String.format(Locale.ROOT, "abort rule of line %d (%s) fired at second %d: %s in"
                        + " seconds %d to %d", rule.line(), rule.describe(), second.second(), shown(rule.metric(),
                        second), second.second() - rule.forSeconds() + 1, second.second()));
            }
        }
        return Optional.empty();
    }

    static double value(AbortRule.Metric metric, SecondStats second) {
        return switch (metric) {
            case ERRORS -> second.errorRate();
            case P99 -> second.p99Millis();
            case DEGRADED -> second.degradedRate();
        };
    }

    private static String shown(AbortRule.Metric metric, SecondStats second) {
        double value = value(metric, second);
        return metric == AbortRule.Metric.P99 ? String.format(Locale.ROOT, "p99 %.0f ms", value)
                : String.format(Locale.ROOT, "%s %.1f%%", metric.word(), value * 100);
    }
}
