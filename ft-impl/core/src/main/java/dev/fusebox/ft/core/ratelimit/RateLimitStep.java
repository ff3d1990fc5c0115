package dev.fusebox.ft.core.ratelimit;

import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.RateLimitOutcome;
import dev.fusebox.ft.core.time.Ticker;

/**
 * Lets a synchronous call through its {@link RateLimit}, or refuses it with
 * {@link Rejections#rateLimited} carrying the time to wait; in shadow mode a call the limit would
 * refuse runs and is counted as {@link RateLimitOutcome#WOULD_REJECT}. One clock read per admitted
 * call (a refusal is decided again on a fresh reading: {@code RateLimit.acquire(Ticker)}); nothing
 * is allocated unless a call is refused. Thread-safe.
 */
public final class RateLimitStep implements SyncStep {

    private final SyncStep next;
    private final RateLimit rateLimit;
    private final Rejections rejections;
    private final Ticker ticker;
    private final MethodMetrics metrics;

    public RateLimitStep(SyncStep next, RateLimit rateLimit, Rejections rejections, Ticker ticker,
                         MethodMetrics metrics) {
        this.next = next;
        this.rateLimit = rateLimit;
        this.rejections = rejections;
        this.ticker = ticker;
        this.metrics = metrics;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        long wait = rateLimit.acquire(ticker);
        if (wait > 0) {
            metrics.rateLimitCall(RateLimitOutcome.REJECTED);
            throw rejections.rateLimited(rateLimit.name(), wait);
        }
        metrics.rateLimitCall(wait == 0 ? RateLimitOutcome.PERMITTED : RateLimitOutcome.WOULD_REJECT);
        return next.call(invocation);
    }
}
