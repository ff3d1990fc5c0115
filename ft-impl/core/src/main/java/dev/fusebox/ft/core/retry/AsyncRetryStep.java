package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.async.AbandonableTask;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * The asynchronous twin of {@link RetryStep}, with the same decisions (retried failures and
 * results, limits, allowance, backoff, hook; the result predicate sees the stage's value, never the
 * stage): the wait between attempts is a scheduled task, not a blocked thread, and a cancelled call
 * starts no further attempt. The scheduled task only hands the next attempt to {@code executor} (a
 * scheduler's tasks must be short and call no application code, and an attempt may reach a fallback
 * at once, e.g. when the breaker is open). So every next attempt, and the before-retry hook just
 * before it, starts on the executor, never on the stack of the previous one, and retries cannot
 * overflow the stack. A next attempt that the scheduler or the executor drops (shutdown) fails the
 * call with the reason, the last failure suppressed in it. A call ending on an unaccepted result
 * fails with {@link Rejections#resultNotAccepted}. Thread-safe.
 *
 * <p>Each attempt is an {@link AsyncCall#attempt() attempt} of its own, cancelled with the call: its
 * runner slot holds the thread of that attempt only. Before issue 14 all attempts shared the call,
 * and the worker of a failed attempt, which completes the attempt's stage (so schedules the retry)
 * before it leaves the call, could leave after the next attempt had started on another worker and
 * clear that worker from the slot; a {@code cancel(true)} then interrupted nothing and the next
 * attempt, if it hung, hung on (the chaos soak's "hanging call was not interrupted"). Now a worker
 * leaving only ever clears its own attempt, and the call's cancellation reaches the attempt
 * installed last, or, arriving between attempts, cancels the next one as it is made.
 *
 * <p>A call's {@link CallRetries} is made at its first retryable failure or unaccepted result and
 * passes from attempt to attempt through the scheduler's and executor's queues (which order the
 * accesses); the retry is counted when it is scheduled.
 */
public final class AsyncRetryStep implements AsyncStep {

    private final AsyncStep next;
    private final String name;
    private final RetryPolicy policy;
    private final RetryAllowance allowance;
    private final Rejections rejections;
    private final Predicate<Object> retryOnResult;
    private final Ticker ticker;
    private final Scheduler scheduler;
    private final Executor executor;
    private final MethodMetrics metrics;

    /** The specification's retry: no allowance, plain rejections, named "retry" in messages. */
    public AsyncRetryStep(AsyncStep next, RetryPolicy policy, Ticker ticker, Scheduler scheduler, Executor executor,
                          MethodMetrics metrics) {
        this(next, "retry", policy, RetryAllowance.UNLIMITED, Rejections.plain(), ticker, scheduler, executor, metrics);
    }

    /**
     * @param name       the guarded method, for messages and the log
     * @param allowance  asked before every retry the policy allows ({@link RetryAllowance#UNLIMITED} for none)
     * @param rejections makes the exception a call fails with when its retries end on an unaccepted result
     */
    public AsyncRetryStep(AsyncStep next, String name, RetryPolicy policy, RetryAllowance allowance,
                          Rejections rejections, Ticker ticker, Scheduler scheduler, Executor executor,
                          MethodMetrics metrics) {
        this.next = next;
        this.name = name;
        this.policy = policy;
        this.allowance = allowance;
        this.rejections = rejections;
        this.retryOnResult = policy.retryOnResult();
        this.ticker = ticker;
        this.scheduler = scheduler;
        this.executor = executor;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        long start = ticker.nanoTime();
        allowance.firstAttempt(start);
        attempt(call, result, start, null);
        return result;
    }

    private void attempt(AsyncCall call, CompletableFuture<Object> result, long start, CallRetries retries) {
        AsyncCall attempt = call.attempt();
        CompletionStage<Object> outcome = Stages.callNext(next, attempt);
        outcome.whenComplete((value, thrown) -> {
            call.clearOnCancel(attempt);
            Throwable failure = thrown == null ? null : Failures.unwrap(thrown);
            try {
                if (failure == null ? retryOnResult == null || !retryOnResult.test(value) : !policy.retries(failure)) {
                    metrics.retryFinished(retried(retries), failure == null ? RetryOutcome.VALUE_RETURNED
                            : RetryOutcome.EXCEPTION_NOT_RETRYABLE);
                    complete(result, value, failure);
                    return;
                }
            } catch (RuntimeException predicateFailed) {
                fail(result, retries, predicateFailed, failure);
                return;
            }
            CallRetries course = retries != null ? retries : new CallRetries(name, policy, allowance, metrics, start);
            RetryOutcome stop;
            try {
                stop = call.isCancelled() ? RetryOutcome.EXCEPTION_NOT_RETRYABLE
                        : course.stopReason(failure, ticker.nanoTime());
            } catch (RuntimeException backoffFailed) {
                fail(result, course, backoffFailed, failure);
                return;
            }
            if (stop != null) {
                metrics.retryFinished(retried(course), stop);
                result.completeExceptionally(ending(course, failure, value));
                return;
            }
            course.count();
            metrics.retried();
            scheduler.schedule(new NextAttempt(call, result, start, course, failure, value), course.delay());
        });
    }

    private static boolean retried(CallRetries retries) {
        return retries != null && retries.started() > 0;
    }

    private static void complete(CompletableFuture<Object> result, Object value, Throwable failure) {
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    /** A predicate or the backoff threw: the call fails with that, the attempt's failure suppressed in it. */
    private void fail(CompletableFuture<Object> result, CallRetries retries, RuntimeException error, Throwable failure) {
        metrics.retryFinished(retried(retries), RetryOutcome.EXCEPTION_NOT_RETRYABLE);
        if (failure != null) {
            error.addSuppressed(failure);
        }
        result.completeExceptionally(error);
    }

    /** What a call ends with: the last failure, or after an unaccepted result the rejection. */
    private Throwable ending(CallRetries retries, Throwable lastFailure, Object lastResult) {
        return lastFailure != null ? lastFailure : rejections.resultNotAccepted(name, lastResult, retries.started());
    }

    /**
     * The next attempt of a call: scheduled after the delay, it runs first on the scheduler's thread,
     * where it only hands itself to the executor, and then there, where it runs the before-retry
     * hook and starts the attempt. Either may drop it unrun at shutdown and abandon it instead.
     * Thread-safe: its fields are final or written before the hand-off, and it passes from thread to
     * thread through the scheduler's and the executor's queues.
     */
    private final class NextAttempt implements AbandonableTask {
        private final AsyncCall call;
        private final CompletableFuture<Object> result;
        private final long start;
        private final CallRetries retries;
        /** The failure of the attempt before, or null when its result was not accepted. */
        private final Throwable lastFailure;
        private final Object lastResult;
        /** Written by the scheduler's thread before the hand-off, read on the executor's after it. */
        private boolean handedOff;

        NextAttempt(AsyncCall call, CompletableFuture<Object> result, long start, CallRetries retries,
                    Throwable lastFailure, Object lastResult) {
            this.call = call;
            this.result = result;
            this.start = start;
            this.retries = retries;
            this.lastFailure = lastFailure;
            this.lastResult = lastResult;
        }

        @Override
        public void run() {
            if (!handedOff) {
                handedOff = true;
                try {
                    executor.execute(this);
                } catch (RejectedExecutionException shutDown) {
                    abandon(shutDown);
                }
                return;
            }
            if (call.isCancelled()) {
                metrics.retryFinished(true, RetryOutcome.EXCEPTION_NOT_RETRYABLE);
                result.completeExceptionally(ending(retries, lastFailure, lastResult));
            } else {
                retries.beforeRetry(call.invocation(), lastFailure);
                attempt(call, result, start, retries);
            }
        }

        @Override
        public void abandon(Throwable reason) {
            metrics.retryFinished(true, RetryOutcome.EXCEPTION_NOT_RETRYABLE);
            reason.addSuppressed(ending(retries, lastFailure, lastResult));
            result.completeExceptionally(reason);
        }
    }
}
