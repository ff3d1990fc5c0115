package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.retry.RetryPolicy;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.RetryMXBean;
import dev.fusebox.ft.management.RetrySettings;

/** The {@link RetryMXBean} of one guarded method: the policy in force and the method's counters. Thread-safe. */
final class ManagedRetry implements RetryMXBean {

    private final Guarded guarded;
    private final OperatorActions actions;

    ManagedRetry(Guarded guarded, OperatorActions actions) {
        this.guarded = guarded;
        this.actions = actions;
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public RetrySettings getConfiguration() {
        RetryPolicy policy = guarded.method().policy().retry();
        return new RetrySettings(policy.maxRetries(), policy.delayNanos() / 1_000_000L,
                policy.maxDurationNanos() / 1_000_000L, policy.jitterNanos() / 1_000_000L);
    }

    @Override
    public long getRetries() {
        return guarded.method().counters().retries();
    }

    @Override
    public long getSucceededNotRetried() {
        return guarded.method().counters().retrySucceededFirstTime();
    }

    @Override
    public long getSucceededRetried() {
        return guarded.method().counters().retrySucceededAfterRetries();
    }

    @Override
    public long getFailed() {
        return guarded.method().counters().retryFailed();
    }

    @Override
    public ActionResult configure(String parameter, String value, String reason) {
        return actions.configure(guarded, "Retry", parameter, value, reason, Principals.ofJmxClient());
    }
}
