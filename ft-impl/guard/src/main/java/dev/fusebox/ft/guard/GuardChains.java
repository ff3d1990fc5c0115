package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.adaptive.AdaptiveBulkheadStep;
import dev.fusebox.ft.core.adaptive.AsyncAdaptiveBulkheadStep;
import dev.fusebox.ft.core.bulkhead.AsyncBulkheadStep;
import dev.fusebox.ft.core.bulkhead.BulkheadStep;
import dev.fusebox.ft.core.circuitbreaker.AsyncCircuitBreakerStep;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerStep;
import dev.fusebox.ft.core.fallback.AsyncFallbackStep;
import dev.fusebox.ft.core.fallback.FallbackAction;
import dev.fusebox.ft.core.fallback.FallbackStep;
import dev.fusebox.ft.core.hedge.AsyncHedgeStep;
import dev.fusebox.ft.core.hedge.HedgeStep;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.AsyncInvocationCountStep;
import dev.fusebox.ft.core.metrics.InvocationCountStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.ratelimit.AsyncRateLimitStep;
import dev.fusebox.ft.core.ratelimit.RateLimitStep;
import dev.fusebox.ft.core.retry.AsyncRetryStep;
import dev.fusebox.ft.core.retry.RetryStep;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.timeout.AsyncTimeoutStep;
import dev.fusebox.ft.core.timeout.TimeoutStep;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Builds a guard's chains from the core's steps, in the specification's order, outermost first:
 * fallback, retry, circuit breaker, rate limit, hedge, timeout, bulkhead or adaptive bulkhead, then
 * the action; the order of the CDI layer's chain table, which a test of that layer compares with
 * {@link #ORDER}. A policy that is off adds no link. A synchronous hedge runs every attempt (the
 * rest of the chain) on the guards' workers while the caller waits. The fallback's link is made by {@link #withFallback}, around the same
 * inner chain, for call sites that give one. Stateless.
 */
public final class GuardChains {

    /** The links, outermost first, by the name of their policy. */
    public static final List<String> ORDER = List.of("Fallback", "Retry", "CircuitBreaker", "RateLimit", "Hedge",
            "Timeout", "Bulkhead", "AdaptiveBulkhead");

    /**
     * What an adaptive bulkhead samples as a drop, as in the CDI layer: a call cut short (how the
     * guard's timeout stops it) or the specification's timeout thrown from inside the action.
     */
    static final Predicate<Throwable> DROPPED = AdaptiveBulkheadStep.CUT_SHORT
            .or(failure -> failure instanceof TimeoutException);

    /** The call site's fallback, which the guard's invocation carries. */
    static final FallbackAction CALL_SITE_FALLBACK = (invocation, failure) -> ((GuardedCall) invocation).fallBack(failure);

    private GuardChains() {
    }

    static SyncStep sync(GuardEngines e, Rejections rejections, GuardThreads threads, MethodMetrics metrics) {
        Ticker ticker = Ticker.system();
        SyncStep chain = Invocation::proceed;
        if (e.adaptiveLimit() != null) {
            chain = new AdaptiveBulkheadStep(chain, e.adaptiveLimit(), e.adaptivePriority(), DROPPED, rejections, ticker);
        }
        if (e.bulkhead() != null) {
            chain = new BulkheadStep(chain, e.bulkhead(), rejections, ticker, metrics);
        }
        if (e.timeoutNanos() > 0) {
            chain = new TimeoutStep(chain, e.name(), e.timeoutNanos(), threads.deadlines(), rejections, ticker, metrics);
        }
        if (e.hedge() != null) {
            chain = new HedgeStep(chain, e.hedge(), threads, threads, ticker);
        }
        if (e.rateLimit() != null) {
            chain = new RateLimitStep(chain, e.rateLimit(), rejections, ticker, metrics);
        }
        if (e.breaker() != null) {
            chain = new CircuitBreakerStep(chain, e.breaker(), e.breakerFailures(), rejections, metrics);
        }
        if (e.retry() != null) {
            chain = new RetryStep(chain, e.name(), e.retry(), e.retryAllowance(), rejections, ticker, Sleeper.system(),
                    metrics);
        }
        return chain;
    }

    /**
     * The chain for call sites without a fallback: counted as the specification's "fallback not
     * defined" when the metrics count invocations, as it is without a link otherwise.
     */
    static SyncStep counted(SyncStep inner, MethodMetrics metrics) {
        return metrics.countsInvocations() ? new InvocationCountStep(inner, metrics) : inner;
    }

    /** As {@link #counted(SyncStep, MethodMetrics)} for stages (the link also counts a cancelled call). */
    static AsyncStep counted(AsyncStep inner, MethodMetrics metrics) {
        return metrics.countsInvocations() ? new AsyncInvocationCountStep(inner, metrics) : inner;
    }

    static SyncStep withFallback(SyncStep inner, GuardEngines e, MethodMetrics metrics) {
        return new FallbackStep(inner, CALL_SITE_FALLBACK, e.fallbackOn(), metrics);
    }

    static AsyncStep stage(GuardEngines e, Rejections rejections, GuardThreads threads, MethodMetrics metrics) {
        Ticker ticker = Ticker.system();
        AsyncStep chain = GuardChains::callAction;
        if (e.adaptiveLimit() != null) {
            chain = new AsyncAdaptiveBulkheadStep(chain, e.adaptiveLimit(), e.adaptivePriority(), DROPPED, rejections,
                    ticker);
        }
        if (e.asyncBulkhead() != null) {
            chain = new AsyncBulkheadStep(chain, e.asyncBulkhead(), rejections, ticker, metrics);
        }
        if (e.timeoutNanos() > 0) {
            chain = new AsyncTimeoutStep(chain, e.name(), e.timeoutNanos(), threads, rejections, ticker, metrics);
        }
        if (e.hedge() != null) {
            chain = new AsyncHedgeStep(chain, e.hedge(), threads, threads.offTimer(), ticker);
        }
        if (e.rateLimit() != null) {
            chain = new AsyncRateLimitStep(chain, e.rateLimit(), rejections, ticker, metrics);
        }
        if (e.breaker() != null) {
            chain = new AsyncCircuitBreakerStep(chain, e.breaker(), e.breakerFailures(), rejections, metrics);
        }
        if (e.retry() != null) {
            chain = new AsyncRetryStep(chain, e.name(), e.retry(), e.retryAllowance(), rejections, ticker, threads,
                    threads, metrics);
        }
        return chain;
    }

    static AsyncStep withFallback(AsyncStep inner, GuardEngines e, GuardThreads threads, MethodMetrics metrics) {
        return new AsyncFallbackStep(inner, CALL_SITE_FALLBACK, e.fallbackOn(), true, threads.offTimer(), metrics);
    }

    /** The innermost link of a stage chain: the action, called on this thread; a throw is a failed stage. */
    @SuppressWarnings("unchecked")
    private static CompletionStage<Object> callAction(dev.fusebox.ft.core.invocation.AsyncCall call) {
        Object stage;
        try {
            stage = call.invocation().proceed();
        } catch (Throwable failure) {
            return CompletableFuture.failedFuture(failure);
        }
        if (stage == null) {
            return CompletableFuture.failedFuture(new NullPointerException("the guarded action returned no stage (null)"));
        }
        return (CompletionStage<Object>) stage;
    }
}
