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
import java.util.concurrent.ThreadLocalRandom;

/**
 * The asynchronous twin of {@link RetryStep}: the wait between attempts is a scheduled task, not
 * a blocked thread, and a cancelled call starts no further attempt. Every next attempt starts from
 * the scheduler, never on the stack of the previous one, so retries cannot overflow the stack.
 * Thread-safe.
 */
public final class AsyncRetryStep implements AsyncStep {

    private final AsyncStep next;
    private final RetryPolicy policy;
    private final Ticker ticker;
    private final Scheduler scheduler;
    private final MethodMetrics metrics;

    public AsyncRetryStep(AsyncStep next, RetryPolicy policy, Ticker ticker, Scheduler scheduler, MethodMetrics metrics) {
        this.next = next;
        this.policy = policy;
        this.ticker = ticker;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        attempt(call, result, ticker.nanoTime(), 0);
        return result;
    }

    private void attempt(AsyncCall call, CompletableFuture<Object> result, long start, int retries) {
        CompletionStage<Object> outcome = Stages.callNext(next, call);
        outcome.whenComplete((value, thrown) -> {
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
            scheduler.schedule(new AbandonableTask() {
                @Override
                public void run() {
                    if (call.isCancelled()) {
                        metrics.retryFinished(true, RetryOutcome.EXCEPTION_NOT_RETRYABLE);
                        result.completeExceptionally(failure);
                    } else {
                        attempt(call, result, start, retries + 1);
                    }
                }

                @Override
                public void abandon(Throwable reason) {
                    metrics.retryFinished(true, RetryOutcome.EXCEPTION_NOT_RETRYABLE);
                    reason.addSuppressed(failure);
                    result.completeExceptionally(reason);
                }
            }, delay);
        });
    }
}
