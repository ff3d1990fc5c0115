package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.hedge.HedgePolicy;
import dev.fusebox.ft.core.retry.RetryBudgetPolicy;

/**
 * A resolved {@code @Hedge}: the engine's validated policy and the budget that caps its further
 * attempts (a retry budget's policy, the hedges drawing on it as retries do). Thread-safety: immutable.
 */
public record HedgeSpec(HedgePolicy policy, RetryBudgetPolicy budget) {
}
