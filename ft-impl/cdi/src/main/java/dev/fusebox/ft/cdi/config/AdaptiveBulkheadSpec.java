package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.adaptive.AdaptiveLimitPolicy;
import dev.fusebox.ft.core.adaptive.Priority;

/**
 * A resolved {@code @AdaptiveBulkhead}: the engine's validated policy and the priority of the
 * method's calls. The bounds are the engine's ({@link AdaptiveLimitPolicy}), checked by the resolver
 * first so that a bad value fails with the resolver's message. Thread-safety: immutable.
 */
public record AdaptiveBulkheadSpec(AdaptiveLimitPolicy policy, Priority priority) {
}
