package dev.fusebox.ft.core.adaptive;

/**
 * GRADIENT: the limit follows the ratio of a long-term round trip (the baseline) to the window's
 * (in the manner of Netflix's Gradient2). Latency above the baseline by more than
 * {@code tolerance} shrinks the limit in proportion, before any call fails; latency at the
 * baseline lets it grow by {@code queue} slots a window, smoothed.
 *
 * <p>After each window, in order:
 * <ol>
 * <li>the baseline takes in the window's mean round trip: a plain mean over the first
 *     {@value #WARM_UP_WINDOWS} windows, then an exponential average with weight
 *     {@code 2 / (longWindows + 1)};</li>
 * <li>if the baseline is more than twice the window's round trip (the dependency got fast again),
 *     it drops by 5 %, so that it follows a recovery in tens of windows, not hundreds;</li>
 * <li>a window that used less than half the limit leaves the limit alone (it only fed the baseline);</li>
 * <li>{@code gradient = clamp(tolerance * baseline / window, 0.5, 1)}, or 0.5 when a call was
 *     dropped (a failing dependency may answer fast, which alone would look healthy);</li>
 * <li>the target is {@code limit * gradient}, plus {@code queue} only when the gradient is 1 (adding
 *     it under a gradient below 1 made Gradient2's limit creep up under steady moderate overload);</li>
 * <li>{@code limit = (1 - smoothing) * limit + smoothing * target}, within the bounds.</li>
 * </ol>
 * A latency that stays high becomes the new baseline over about {@code longWindows / 2} windows,
 * and the limit grows again: the algorithm tells "slower than it was" from "slow".
 *
 * @param tolerance  how much slower than the baseline a window may be before the limit shrinks, 1 to 10
 * @param smoothing  how far one window moves the limit toward its target, above 0 up to 1
 * @param longWindows the baseline's memory in windows, 1 to 100,000
 * @param queue      slots added a window while latency is at the baseline, 0 to 1,000
 */
public record GradientAlgorithm(double tolerance, double smoothing, int longWindows, int queue) implements LimitAlgorithm {

    static final int WARM_UP_WINDOWS = 10;

    public GradientAlgorithm {
        if (!(tolerance >= 1 && tolerance <= 10)) {
            throw new IllegalArgumentException("gradient tolerance must be from 1 to 10: " + tolerance);
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("gradient smoothing must be above 0 and at most 1: " + smoothing);
        }
        if (longWindows < 1 || longWindows > 100_000) {
            throw new IllegalArgumentException("gradient long window must be from 1 to 100000 windows: " + longWindows);
        }
        if (queue < 0 || queue > 1_000) {
            throw new IllegalArgumentException("gradient queue must be from 0 to 1000: " + queue);
        }
    }

    public static GradientAlgorithm defaults() {
        return new GradientAlgorithm(1.5, 0.2, 600, 4);
    }

    @Override
    public Estimate next(Estimate current, WindowSummary window, int min, int max) {
        double rtt = Math.max(1, window.averageRttNanos());
        long windows = current.windows() + 1;
        double baseline = windows <= WARM_UP_WINDOWS
                ? current.longRtt() + (rtt - current.longRtt()) / windows
                : current.longRtt() + (rtt - current.longRtt()) * 2 / (longWindows + 1.0);
        if (baseline > 2 * rtt) {
            baseline *= 0.95;
        }
        double limit = current.limit();
        if (!LimitAlgorithm.appLimited(current, window)) {
            double gradient = window.dropped() ? 0.5 : Math.max(0.5, Math.min(1, tolerance * baseline / rtt));
            double target = limit * gradient + (gradient == 1 ? queue : 0);
            limit = LimitAlgorithm.clamp((1 - smoothing) * limit + smoothing * target, min, max);
        }
        return new Estimate(limit, baseline, windows);
    }
}
