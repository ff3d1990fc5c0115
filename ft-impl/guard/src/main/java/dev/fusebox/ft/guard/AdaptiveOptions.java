package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.AdaptiveAlgorithm;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.core.adaptive.AdaptiveLimitPolicy;
import dev.fusebox.ft.core.adaptive.AimdAlgorithm;
import dev.fusebox.ft.core.adaptive.GradientAlgorithm;
import dev.fusebox.ft.core.adaptive.Priority;
import java.time.Duration;
import java.util.Objects;

/**
 * A guard's adaptive bulkhead options, with {@code @AdaptiveBulkhead}'s defaults. The bounds are
 * {@link AdaptiveLimitPolicy}'s, checked when the guard is built. Not thread-safe: the builder's.
 */
final class AdaptiveOptions implements GuardOptions.AdaptiveBulkhead {

    /** The policy's name in configuration keys, {@code <guard>/AdaptiveBulkhead/<parameter>}. */
    static final String KEY = "AdaptiveBulkhead";

    private AdaptiveAlgorithm algorithm = AdaptiveAlgorithm.GRADIENT;
    private int initialLimit = 20;
    private int minLimit = 1;
    private int maxLimit = 200;
    private long windowNanos = 1_000_000_000L;
    private int minSamples = 10;
    private double liveReserve = 0.1;
    private CallPriority priority = CallPriority.LIVE;

    @Override
    public AdaptiveOptions algorithm(AdaptiveAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm must not be null");
        return this;
    }

    @Override
    public AdaptiveOptions initialLimit(int calls) {
        initialLimit = calls;
        return this;
    }

    @Override
    public AdaptiveOptions minLimit(int calls) {
        minLimit = calls;
        return this;
    }

    @Override
    public AdaptiveOptions maxLimit(int calls) {
        maxLimit = calls;
        return this;
    }

    @Override
    public AdaptiveOptions window(Duration window) {
        windowNanos = Durations.nanos("window", window);
        return this;
    }

    @Override
    public AdaptiveOptions minSamples(int calls) {
        minSamples = calls;
        return this;
    }

    @Override
    public AdaptiveOptions liveReserve(double share) {
        liveReserve = share;
        return this;
    }

    @Override
    public AdaptiveOptions priority(CallPriority priority) {
        this.priority = Objects.requireNonNull(priority, "priority must not be null");
        return this;
    }

    /** Applies the configured values of {@code <guard>/AdaptiveBulkhead/<parameter>}, each named as its option. */
    AdaptiveOptions override(ConfiguredOptions c) {
        c.choice(KEY, "algorithm", AdaptiveAlgorithm.class).ifPresent(this::algorithm);
        c.integer(KEY, "initialLimit").ifPresent(this::initialLimit);
        c.integer(KEY, "minLimit").ifPresent(this::minLimit);
        c.integer(KEY, "maxLimit").ifPresent(this::maxLimit);
        c.duration(KEY, "window").ifPresent(this::window);
        c.integer(KEY, "minSamples").ifPresent(this::minSamples);
        c.decimal(KEY, "liveReserve").ifPresent(this::liveReserve);
        c.choice(KEY, "priority", CallPriority.class).ifPresent(this::priority);
        return this;
    }

    /** The engine's policy; refused by its own checks when a value is out of bounds. */
    AdaptiveLimitPolicy policy() {
        return new AdaptiveLimitPolicy(algorithm == AdaptiveAlgorithm.AIMD ? AimdAlgorithm.defaults()
                : GradientAlgorithm.defaults(), initialLimit, minLimit, maxLimit, windowNanos, minSamples, liveReserve);
    }

    Priority enginePriority() {
        return priority == CallPriority.BATCH ? Priority.BATCH : Priority.LIVE;
    }
}
