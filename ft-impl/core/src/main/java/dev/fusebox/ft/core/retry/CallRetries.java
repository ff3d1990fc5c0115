package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retries of one guarded call: how many have started, the waits of its backoff, and the
 * decision whether another may follow. Made by a retry step at the call's first retryable failure
 * or unaccepted result, never on a call whose first attempt is accepted (so the success path
 * allocates nothing). Not thread-safe: one call uses it, one attempt after another (an asynchronous
 * call hands it from thread to thread through its scheduler's and executor's queues, which order
 * the accesses).
 */
final class CallRetries {

    private static final System.Logger LOG = System.getLogger(BeforeRetry.class.getName());

    private final String name;
    private final RetryPolicy policy;
    private final RetryAllowance allowance;
    private final MethodMetrics metrics;
    private final long startNanos;
    /** Made at the first decision that reaches the backoff. */
    private RetryDelays delays;
    private int started;
    private long delay;

    CallRetries(String name, RetryPolicy policy, RetryAllowance allowance, MethodMetrics metrics, long startNanos) {
        this.name = name;
        this.policy = policy;
        this.allowance = allowance;
        this.metrics = metrics;
        this.startNanos = startNanos;
    }

    /**
     * Why no retry may follow an attempt that failed with {@code cause} (retryable by the policy), or
     * whose result was not accepted ({@code cause} null), at {@code nowNanos}; null when one may,
     * after {@link #delay()}. In this order: the retry count; the maximum duration already passed;
     * the backoff's next wait, which must end within the maximum duration; last the allowance, so
     * a retry budget is drawn only for a retry that then happens. A refusal by the allowance is
     * reported ({@code retryBudgetRefused}) and ends as MAX_RETRIES_REACHED.
     *
     * @throws IllegalStateException when the backoff gives a negative wait; whatever a custom
     *                               backoff throws passes through
     */
    RetryOutcome stopReason(Throwable cause, long nowNanos) {
        if (!policy.allowsAnotherRetry(started)) {
            return RetryOutcome.MAX_RETRIES_REACHED;
        }
        long elapsed = nowNanos - startNanos;
        if (policy.outOfTime(elapsed)) {
            return RetryOutcome.MAX_DURATION_REACHED;
        }
        if (delays == null) {
            delays = policy.backoff().start(policy);
        }
        long next = delays.nextDelayNanos(cause, ThreadLocalRandom.current());
        if (next < 0) {
            throw new IllegalStateException("the backoff of " + name + " gave a negative wait: " + next + " ns");
        }
        if (policy.waitEndsOutOfTime(elapsed, next)) {
            return RetryOutcome.MAX_DURATION_REACHED;
        }
        if (!allowance.tryRetry(nowNanos)) {
            metrics.retryBudgetRefused();
            return RetryOutcome.MAX_RETRIES_REACHED;
        }
        delay = next;
        return null;
    }

    /** The wait before the retry the last {@link #stopReason} allowed. */
    long delay() {
        return delay;
    }

    /** Counts a retry as started; the count stops at Integer.MAX_VALUE (unlimited retries never wrap it). */
    void count() {
        if (started < Integer.MAX_VALUE) {
            started++;
        }
    }

    /** How many retries have been counted, at most Integer.MAX_VALUE. */
    int started() {
        return started;
    }

    /**
     * Calls the policy's before-retry hook, if any, for the retry counted last; a hook that throws
     * is logged and the retry goes on.
     */
    void beforeRetry(Invocation invocation, Throwable cause) {
        BeforeRetry hook = policy.beforeRetry();
        if (hook == null) {
            return;
        }
        try {
            hook.beforeRetry(invocation, started, cause);
        } catch (Exception failed) {
            LOG.log(System.Logger.Level.WARNING, "the before-retry hook of " + name + " failed before retry " + started
                    + "; the retry goes on", failed);
        }
    }
}
