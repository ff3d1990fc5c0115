package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.retry.RetryBudgetPolicy;

/**
 * A resolved {@code @RetryBudget}: the engine's validated policy (retries allowed per first
 * attempt, how long a first attempt counts, the retries per second allowed whatever the traffic)
 * and the group whose methods share one budget (empty: the method's own). The bounds are the
 * engine's ({@link RetryBudgetPolicy}), checked by the resolver first so that a bad value fails
 * with the resolver's message. Thread-safety: immutable.
 */
public record RetryBudgetSpec(RetryBudgetPolicy policy, String group) {
}
