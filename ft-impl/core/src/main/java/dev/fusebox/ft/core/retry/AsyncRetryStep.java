package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.async.AbandonableTask;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The asynchronous twin of {@link RetryStep}: the wait between attempts is a scheduled task, not
 * a blocked thread, and a cancelled call starts no further attempt. The scheduled task only hands
 * the next attempt to {@code executor} (a scheduler's tasks must be short and call no application
 * code, and an attempt may reach a fallback at once, e.g. when the breaker is open). So every next
 * attempt starts on the executor, never on the stack of the previous one, and retries cannot
 * overflow the stack. A next attempt that the scheduler or the executor drops (shutdown) fails the
 * call with the reason, the last failure suppressed in it. Thread-safe.
 *
 * <p>Each attempt is an {@link AsyncCall#attempt() attempt} of its own, cancelled with the call: its
 * runner slot holds the thread of that attempt only. Before issue 14 all attempts shared the call,
 * and the worker of a failed attempt, which completes the attempt's stage (so schedules the retry)
 * before it leaves the call, could leave after the next attempt had started on another worker and
 * clear that worker from the slot; a {@code cancel(true)} then interrupted nothing and the next
 * attempt, if it hung, hung on (the chaos soak's "hanging call was not interrupted"). Now a worker
 * leaving only ever clears its own attempt, and the call's cancellation reaches the attempt
 * installed last, or, arriving between attempts, cancels the next one as it is made.
 */
public final class AsyncRetryStep implements AsyncStep {

    private final AsyncStep next;
    private final RetryPolicy policy;
    private final Ticker ticker;
    private final Scheduler scheduler;
    private final Executor executor;
    private final MethodMetrics metrics;

    public AsyncRetryStep(AsyncStep next, RetryPolicy policy, Ticker ticker, Scheduler scheduler, Executor executor,
                          MethodMetrics metrics) {
        this.next = next;
        this.policy = policy;
        this.ticker = ticker;
        this.scheduler = scheduler;
        this.executor = executor;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        attempt(call, result, ticker.nanoTime(), 0);
        return result;
    }

    private void attempt(AsyncCall call, CompletableFuture<Object> result, long start, int retries) {
        AsyncCall attempt = call.attempt();
        CompletionStage<Object> outcome = Stages.callNext(next, attempt);
        outcome.whenComplete((value, thrown) -> {
            call.clearOnCancel(attempt);
            if (thrown == null) {
                metrics.retryFinished(retries > 0, RetryOutcome.VALUE_RETURNED);
                result.complete(value);
                return;
            }
            Throwable failure = Failures.unwrap(thrown);
            long delay = policy.nextDelay(ThreadLocalRandom.current());
            RetryOutcome stop = call.isCancelled() ? RetryOutcome.EXCEPTION_NOT_RETRYABLE
                    : policy.stopReason(failure, retries, ticker.nanoTime() - start, delay);
            if (stop != null) {
                metrics.retryFinished(retries > 0, stop);
                result.completeExceptionally(failure);
                return;
            }
            metrics.retried();
            scheduler.schedule(new NextAttempt(call, result, start, retries + 1, failure), delay);
        });
    }

    /**
     * The next attempt of a call: scheduled after the delay, it runs first on the scheduler's thread,
     * where it only hands itself to the executor, and then there, where it starts the attempt.
     * Either may drop it unrun at shutdown and abandon it instead. Thread-safe: its fields are final,
     * and it passes from thread to thread through the scheduler's and the executor's queues.
     */
    private final class NextAttempt implements AbandonableTask {
        private final AsyncCall call;
        private final CompletableFuture<Object> result;
        private final long start;
        private final int retries;
        private final Throwable lastFailure;
        /** Written by the scheduler's thread before the hand-off, read on the executor's after it. */
        private boolean handedOff;

        NextAttempt(AsyncCall call, CompletableFuture<Object> result, long start, int retries, Throwable lastFailure) {
            this.call = call;
            this.result = result;
            this.start = start;
            this.retries = retries;
            this.lastFailure = lastFailure;
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
                result.completeExceptionally(lastFailure);
            } else {
                attempt(call, result, start, retries);
            }
        }

        @Override
        public void abandon(Throwable reason) {
            metrics.retryFinished(true, RetryOutcome.EXCEPTION_NOT_RETRYABLE);
            reason.addSuppressed(lastFailure);
            result.completeExceptionally(reason);
        }
    }
}
