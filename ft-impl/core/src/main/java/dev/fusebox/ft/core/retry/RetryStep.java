package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a synchronous call again after a retryable failure, waiting on the calling thread, until it
 * succeeds, fails with a failure that is not retried, or the retry count or maximum duration runs
 * out; then the last failure is thrown unchanged. An interrupt during a wait ends the retries.
 * Thread-safe (no shared mutable state; the attempt count lives on the stack).
 */
public final class RetryStep implements SyncStep {

    private final SyncStep next;
    private final RetryPolicy policy;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final MethodMetrics metrics;

    public RetryStep(SyncStep next, RetryPolicy policy, Ticker ticker, Sleeper sleeper, MethodMetrics metrics) {
        this.next = next;
        this.policy = policy;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        long start = ticker.nanoTime();
        int retries = 0;
        while (true) {
            Object result;
            try {
                result = next.call(invocation);
            } catch (Throwable failure) {
                long delay = policy.nextDelay(ThreadLocalRandom.current());
                RetryOutcome stop = policy.stopReason(failure, retries, ticker.nanoTime() - start, delay);
                if (stop != null) {
                    metrics.retryFinished(retries > 0, stop);
                    throw failure;
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    metrics.retryFinished(retries > 0, RetryOutcome.EXCEPTION_NOT_RETRYABLE);
                    throw failure;
                }
                retries++;
                metrics.retried();
                continue;
            }
            metrics.retryFinished(retries > 0, RetryOutcome.VALUE_RETURNED);
            return result;
        }
    }
}
