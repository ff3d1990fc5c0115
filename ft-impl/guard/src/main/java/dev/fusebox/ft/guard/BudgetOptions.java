package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.core.retry.RetryBudgetPolicy;
import java.time.Duration;

/** A guard's retry budget options, with {@code @RetryBudget}'s defaults. Not thread-safe: the builder's. */
final class BudgetOptions implements GuardOptions.RetryBudget {

    private double ratio = RetryBudgetPolicy.DEFAULT.ratio();
    private long ttlNanos = RetryBudgetPolicy.DEFAULT.ttlNanos();
    private int minRetriesPerSecond = RetryBudgetPolicy.DEFAULT.minRetriesPerSecond();

    @Override
    public BudgetOptions ratio(double ratio) {
        this.ratio = ratio;
        return this;
    }

    @Override
    public BudgetOptions ttl(Duration ttl) {
        ttlNanos = Durations.nanos("ttl", ttl);
        return this;
    }

    @Override
    public BudgetOptions minRetriesPerSecond(int retries) {
        minRetriesPerSecond = retries;
        return this;
    }

    RetryBudgetPolicy policy() {
        return new RetryBudgetPolicy(ratio, ttlNanos, minRetriesPerSecond);
    }
}
