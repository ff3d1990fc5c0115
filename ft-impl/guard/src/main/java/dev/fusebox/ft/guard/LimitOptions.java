package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.api.RateLimitType;
import dev.fusebox.ft.core.ratelimit.RateLimitPolicy;
import dev.fusebox.ft.core.ratelimit.RateLimitWindow;
import java.time.Duration;
import java.util.Objects;

/** A guard's rate limit options, with {@code @RateLimit}'s defaults. Not thread-safe: the builder's. */
final class LimitOptions implements GuardOptions.RateLimit {

    private int limit = 100;
    private long windowNanos = 1_000_000_000L;
    private RateLimitType type = RateLimitType.FIXED;
    private long minSpacingNanos;
    boolean shadow;

    @Override
    public LimitOptions limit(int calls) {
        limit = calls;
        return this;
    }

    @Override
    public LimitOptions window(Duration window) {
        windowNanos = Durations.nanos("window", window);
        return this;
    }

    @Override
    public LimitOptions type(RateLimitType type) {
        this.type = Objects.requireNonNull(type, "type must not be null");
        return this;
    }

    @Override
    public LimitOptions minSpacing(Duration spacing) {
        minSpacingNanos = Durations.nanos("minSpacing", spacing);
        return this;
    }

    @Override
    public LimitOptions shadow(boolean on) {
        shadow = on;
        return this;
    }

    RateLimitPolicy policy() {
        return new RateLimitPolicy(RateLimitWindow.valueOf(type.name()), limit, windowNanos, minSpacingNanos);
    }
}
