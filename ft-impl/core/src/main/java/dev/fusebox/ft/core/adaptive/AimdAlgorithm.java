package dev.fusebox.ft.core.adaptive;

/**
 * AIMD, additive increase and multiplicative decrease, as TCP's congestion window: a window with a
 * dropped call, or whose mean round trip is above {@code timeoutNanos}, multiplies the limit by
 * {@code backoffRatio}; any other window in which at least half the limit was in use adds one. A
 * window that used less than half the limit leaves it alone: it says nothing about whether more
 * would have worked. Simple and stable; it finds a limit only by overloading it now and then.
 *
 * @param backoffRatio what a drop multiplies the limit by, 0.5 to 0.99
 * @param timeoutNanos a mean round trip above it counts as a drop, 1 ms to 1 hour
 */
public record AimdAlgorithm(double backoffRatio, long timeoutNanos) implements LimitAlgorithm {

    public static final double DEFAULT_BACKOFF_RATIO = 0.9;
    public static final long DEFAULT_TIMEOUT_NANOS = 5_000_000_000L;

    public AimdAlgorithm {
        if (!(backoffRatio >= 0.5 && backoffRatio <= 0.99)) {
            throw new IllegalArgumentException("AIMD backoff ratio must be from 0.5 to 0.99: " + backoffRatio);
        }
        if (timeoutNanos < 1_000_000L || timeoutNanos > AdaptiveLimitPolicy.MAX_NANOS) {
            throw new IllegalArgumentException("AIMD timeout must be from 1 ms to 1 hour: " + timeoutNanos + " ns");
        }
    }

    public static AimdAlgorithm defaults() {
        return new AimdAlgorithm(DEFAULT_BACKOFF_RATIO, DEFAULT_TIMEOUT_NANOS);
    }

    @Override
    public Estimate next(Estimate current, WindowSummary window, int min, int max) {
        double limit = current.limit();
        if (window.dropped() || window.averageRttNanos() > timeoutNanos) {
            limit = Math.floor(limit * backoffRatio);
        } else if (!LimitAlgorithm.appLimited(current, window)) {
            limit = Math.floor(limit) + 1;
        }
        return new Estimate(LimitAlgorithm.clamp(limit, min, max), current.longRtt(), current.windows() + 1);
    }
}
