package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryPolicy;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Everything the rows of {@link LinkKind} make the links of one method's chain from: its policy,
 * its stateful engines (null where the policy is off; the retry's allowance is
 * {@link RetryAllowance#UNLIMITED} without a retry budget), its metrics, and the container's threads,
 * time, beans and rejections. Built by {@link ChainAssembly} once per chain. Immutable, so
 * thread-safe as far as it goes (the engines it holds are thread-safe themselves).
 */
record LinkInputs(MethodPolicy policy, RetryAllowance retryAllowance, CircuitBreaker breaker, RateLimit rateLimit,
                  Bulkhead bulkhead, AsyncBulkhead asyncBulkhead, AdaptiveLimit adaptiveLimit, Hedge hedge, MethodMetrics metrics,
                  AsyncExecution threads, BeanManager beans, Rejections rejections, Ticker ticker, Sleeper sleeper) {

    /** The retry policy the chain runs, shaped by Fusebox's own annotations ({@link RetryShaping}). */
    RetryPolicy retry() {
        return RetryShaping.of(policy);
    }

    FallbackInvoker fallbackInvoker() {
        return new FallbackInvoker(policy.fallback(), beans);
    }
}
