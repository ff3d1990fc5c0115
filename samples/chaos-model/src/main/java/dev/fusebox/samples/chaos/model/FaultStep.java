package dev.fusebox.samples.chaos.model;

import java.util.Locale;

/**
 * One entry of an experiment's fault schedule: from second {@code atSecond} of the load (0 is the
 * end of the warm-up) for {@code forSeconds}, {@code kind} on {@code dependency}. Immutable.
 *
 * @param line the line of the experiment file it came from (for messages)
 * @param atSecond when it starts, in seconds since the recorded load began
 * @param forSeconds how long it lasts, at least 1
 * @param dependency the dependency's name, e.g. {@code payments}
 * @param kind what is injected
 * @param value milliseconds for {@link FaultKind#LATENCY}, a share from 0 to 1 for
 *              {@link FaultKind#ERRORS}, 0 for the others
 */
public record FaultStep(int line, int atSecond, int forSeconds, String dependency, FaultKind kind, double value) {

    public FaultStep {
        if (atSecond < 0 || forSeconds < 1) {
            throw new IllegalArgumentException("a fault step starts at second 0 or later and lasts at least 1 s");
        }
    }

    /** The first second after the step. */
    public int endSecond() {
        return atSecond + forSeconds;
    }

    /** E.g. {@code inventory latency 450 ms}, {@code payments errors 50%}, {@code payments outage}. */
    public String describe() {
        return switch (kind) {
            case LATENCY -> dependency + " latency " + Math.round(value) + " ms";
            case ERRORS -> dependency + " errors " + String.format(Locale.ROOT, "%.4g", value * 100)
                    .replaceAll("\\.?0+$", "") + "%";
            case OUTAGE, EXHAUSTION -> dependency + " " + kind.word();
        };
    }
}
