package dev.fusebox.ft.core.ratelimit;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RateLimitOutcome;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets an asynchronous call through its {@link RateLimit}: decided at once, on the caller's
 * thread; an admitted call gets the rest of the chain's own stage (nothing allocated here), a
 * refused one a failed stage with {@link Rejections#rateLimited}. In shadow mode a call the limit
 * would refuse starts and is counted as {@link RateLimitOutcome#WOULD_REJECT}. Thread-safe.
 */
public final class AsyncRateLimitStep implements AsyncStep {

    private final AsyncStep next;
    private final RateLimit rateLimit;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;

    public AsyncRateLimitStep(AsyncStep next, RateLimit rateLimit, Rejections rejections, Ticker ticker,
                              MethodMetrics metrics) {
        this.next = next;
        this.rateLimit = rateLimit;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        long wait = rateLimit.acquire(ticker);
        if (wait > 0) {
            metrics.rateLimitCall(RateLimitOutcome.REJECTED);
            return CompletableFuture.failedFuture(rejections.rateLimited(rateLimit.name(), wait));
        }
        metrics.rateLimitCall(wait == 0 ? RateLimitOutcome.PERMITTED : RateLimitOutcome.WOULD_REJECT);
        return Stages.callNext(next, call);
    }
}
