package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.adaptive.AdaptiveLimitPolicy;
import dev.fusebox.ft.core.adaptive.Priority;

/**
 * A resolved {@code @AdaptiveBulkhead}: the engine's validated policy, the priority of the
 * method's calls, and the index of the method's {@code CallPriority} parameter, whose non-null value
 * gives a call's own priority ({@link #NO_PARAMETER} when it has none). The bounds are the engine's ({@link AdaptiveLimitPolicy}), checked by the resolver
 * first so that a bad value fails with the resolver's message. Thread-safety: immutable.
 */
public record AdaptiveBulkheadSpec(AdaptiveLimitPolicy policy, Priority priority, int priorityParameter) {

    /** {@link #priorityParameter} of a method without a {@code CallPriority} parameter. */
    public static final int NO_PARAMETER = -1;

    /** Every call of the method at {@code priority}. */
    public AdaptiveBulkheadSpec(AdaptiveLimitPolicy policy, Priority priority) {
        this(policy, priority, NO_PARAMETER);
    }
}
