package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.SyncStep;
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

    public RetryStep(SyncStep next, RetryPolicy policy, Ticker ticker, Sleeper sleeper) {
        this.next = next;
        this.policy = policy;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        long start = ticker.nanoTime();
        int retries = 0;
        while (true) {
            try {
                return next.call(invocation);
            } catch (Throwable failure) {
                if (!policy.retryOn().test(failure) || !policy.allowsAnotherRetry(retries)
                        || policy.outOfTime(ticker.nanoTime() - start)) {
                    throw failure;
                }
                long delay = policy.nextDelay(ThreadLocalRandom.current());
                if (policy.outOfTime(ticker.nanoTime() - start + delay)) {
                    throw failure;
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    throw failure;
                }
                retries++;
            }
        }
    }
}
