package dev.fusebox.ft.core.adaptive;

/**
 * How an {@link AdaptiveLimit} moves its limit after each sampling window. A pure function of the
 * previous {@link Estimate} and the window's {@link WindowSummary}: no clock, no threads, so each
 * algorithm's response to a latency step is tested in virtual time.
 */
public sealed interface LimitAlgorithm permits AimdAlgorithm, GradientAlgorithm {

    /** The estimate after {@code window}, its limit within {@code [min, max]}. */
    Estimate next(Estimate current, WindowSummary window, int min, int max);

    /** Whether the window used too little of the limit to say anything about a larger one. */
    static boolean appLimited(Estimate current, WindowSummary window) {
        return window.maxInflight() * 2L < current.limit();
    }

    static double clamp(double limit, int min, int max) {
        return Math.max(min, Math.min(max, limit));
    }
}
