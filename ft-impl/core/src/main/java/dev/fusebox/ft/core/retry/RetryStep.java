package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import java.util.function.Predicate;

/**
 * Runs a synchronous call again, waiting on the calling thread, after a failure the policy retries
 * (retryOn/abortOn, or its exception predicate) or a result it does not accept (its result
 * predicate), until an attempt is accepted or a limit ends the retries: the retry count, the
 * maximum duration (a wait that would end past it is not started), or the retry allowance (a retry
 * budget), asked last before each retry and told of each call's first attempt. Then the last
 * failure is thrown unchanged, or, after an unaccepted result, {@link Rejections#resultNotAccepted}.
 * The waits come from the policy's {@link Backoff}; the before-retry hook runs after each wait,
 * just before the attempt. An interrupt during a wait ends the retries (interrupt kept). A backoff
 * that throws or gives a negative wait ends the call with that error, the last failure suppressed
 * in it; so does a result predicate that throws, and an exception predicate that throws.
 *
 * <p>A call whose first attempt is accepted allocates nothing: the state of its retries
 * ({@link CallRetries}) is made at its first retryable failure. Thread-safe (no shared mutable
 * state; each call's state lives on its stack).
 */
public final class RetryStep implements SyncStep {

    private final SyncStep next;
    private final String name;
    private final RetryPolicy policy;
    private final RetryAllowance allowance;
    private final Rejections rejections;
    private final Predicate<Object> retryOnResult;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final MethodMetrics metrics;

    /** The specification's retry: no allowance, plain rejections, named "retry" in messages. */
    public RetryStep(SyncStep next, RetryPolicy policy, Ticker ticker, Sleeper sleeper, MethodMetrics metrics) {
        this(next, "retry", policy, RetryAllowance.UNLIMITED, Rejections.plain(), ticker, sleeper, metrics);
    }

    /**
     * @param name       the guarded method, for messages and the log
     * @param allowance  asked before every retry the policy allows ({@link RetryAllowance#UNLIMITED} for none)
     * @param rejections makes the exception thrown when the retries end on an unaccepted result
     */
    public RetryStep(SyncStep next, String name, RetryPolicy policy, RetryAllowance allowance, Rejections rejections,
                     Ticker ticker, Sleeper sleeper, MethodMetrics metrics) {
        this.next = next;
        this.name = name;
        this.policy = policy;
        this.allowance = allowance;
        this.rejections = rejections;
        this.retryOnResult = policy.retryOnResult();
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        long start = ticker.nanoTime();
        allowance.firstAttempt(start);
        CallRetries retries = null;
        while (true) {
            Object result;
            try {
                result = next.call(invocation);
            } catch (Throwable failure) {
                if (!retryable(failure, retries)) {
                    metrics.retryFinished(retried(retries), RetryOutcome.EXCEPTION_NOT_RETRYABLE);
                    throw failure;
                }
                retries = retries != null ? retries : new CallRetries(name, policy, allowance, metrics, start);
                if (retryAfter(invocation, retries, failure, null)) {
                    continue;
                }
                throw failure;
            }
            if (retryOnResult == null || !rejects(result, retries)) {
                metrics.retryFinished(retried(retries), RetryOutcome.VALUE_RETURNED);
                return result;
            }
            retries = retries != null ? retries : new CallRetries(name, policy, allowance, metrics, start);
            retryAfter(invocation, retries, null, result);
        }
    }

    private static boolean retried(CallRetries retries) {
        return retries != null && retries.started() > 0;
    }

    /** Whether the policy retries {@code failure}; an exception predicate that throws ends the call. */
    private boolean retryable(Throwable failure, CallRetries retries) {
        try {
            return policy.retries(failure);
        } catch (RuntimeException predicateFailed) {
            metrics.retryFinished(retried(retries), RetryOutcome.EXCEPTION_NOT_RETRYABLE);
            predicateFailed.addSuppressed(failure);
            throw predicateFailed;
        }
    }

    /** Whether the policy retries on {@code result}; a result predicate that throws ends the call. */
    private boolean rejects(Object result, CallRetries retries) {
        try {
            return retryOnResult.test(result);
        } catch (RuntimeException predicateFailed) {
            metrics.retryFinished(retried(retries), RetryOutcome.EXCEPTION_NOT_RETRYABLE);
            throw predicateFailed;
        }
    }

    /**
     * After an attempt that failed with {@code cause} (retryable), or returned {@code result} not
     * accepted ({@code cause} null): waits and announces the next retry and returns true, or reports
     * why the retries end and returns false for the caller to throw {@code cause}; after a result it
     * throws the rejection itself.
     */
    private boolean retryAfter(Invocation invocation, CallRetries retries, Throwable cause, Object result) {
        RetryOutcome stop;
        try {
            stop = retries.stopReason(cause, ticker.nanoTime());
        } catch (RuntimeException backoffFailed) {
            metrics.retryFinished(retried(retries), RetryOutcome.EXCEPTION_NOT_RETRYABLE);
            if (cause != null) {
                backoffFailed.addSuppressed(cause);
            }
            throw backoffFailed;
        }
        if (stop != null) {
            metrics.retryFinished(retried(retries), stop);
            return end(retries, cause, result, null);
        }
        try {
            sleeper.sleep(retries.delay());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            metrics.retryFinished(retried(retries), RetryOutcome.EXCEPTION_NOT_RETRYABLE);
            return end(retries, cause, result, interrupted);
        }
        retries.count();
        metrics.retried();
        retries.beforeRetry(invocation, cause);
        return true;
    }

    /** False for the caller to throw {@code cause}; after a result, throws the rejection. */
    private boolean end(CallRetries retries, Throwable cause, Object result, InterruptedException interrupted) {
        if (cause != null) {
            if (interrupted != null) {
                cause.addSuppressed(interrupted);
            }
            return false;
        }
        RuntimeException notAccepted = rejections.resultNotAccepted(name, result, retries.started());
        if (interrupted != null) {
            notAccepted.addSuppressed(interrupted);
        }
        throw notAccepted;
    }
}
