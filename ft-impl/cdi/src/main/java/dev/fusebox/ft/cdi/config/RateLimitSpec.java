package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.ratelimit.RateLimitPolicy;

/**
 * A resolved {@code @RateLimit}: the engine's validated policy (calls per window, the window's
 * kind and length, the least spacing) and whether it starts in shadow mode (counts what it would
 * reject, rejects nothing). The bounds are the engine's ({@link RateLimitPolicy}), checked by the
 * resolver first so that a bad value fails with the resolver's message.
 * Thread-safety: immutable.
 */
public record RateLimitSpec(RateLimitPolicy policy, boolean shadow) {
}
