package dev.fusebox.samples.chaos.analysis;

/**
 * One checked claim of the hypothesis. Immutable.
 *
 * @param what e.g. "time to detect"
 * @param expected e.g. "at most 3 s"
 * @param measured e.g. "1.24 s", or why nothing was measured
 * @param held whether the measurement satisfies the claim
 */
public record Claim(String what, String expected, String measured, boolean held) {
}
