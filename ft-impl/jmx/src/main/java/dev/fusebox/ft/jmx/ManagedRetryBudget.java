package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.retry.RetryBudget;
import dev.fusebox.ft.core.retry.RetryBudgetPolicy;
import dev.fusebox.ft.management.RetryBudgetMXBean;

/**
 * The {@link RetryBudgetMXBean} of one guarded method: its budget's policy and counts (a group's
 * members each show the group's shared budget); the balance is read at the method's ticker's now.
 * Read only. Thread-safe (the budget is).
 */
final class ManagedRetryBudget implements RetryBudgetMXBean {

    private final Guarded guarded;

    ManagedRetryBudget(Guarded guarded) {
        this.guarded = guarded;
    }

    private RetryBudget budget() {
        return guarded.method().retryBudget();
    }

    private RetryBudgetPolicy policy() {
        return budget().policy();
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public String getGroup() {
        return guarded.method().policy().fusebox().retryBudget().group();
    }

    @Override
    public double getRatio() {
        return policy().ratio();
    }

    @Override
    public long getTtlMillis() {
        return policy().ttlNanos() / 1_000_000L;
    }

    @Override
    public int getMinRetriesPerSecond() {
        return policy().minRetriesPerSecond();
    }

    @Override
    public long getBalance() {
        return budget().balance(guarded.clock().nowNanos());
    }

    @Override
    public long getGranted() {
        return budget().retriesGranted();
    }

    @Override
    public long getRefused() {
        return budget().retriesRefused();
    }
}
