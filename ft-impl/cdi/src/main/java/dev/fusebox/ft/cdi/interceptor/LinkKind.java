package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.core.adaptive.AdaptiveBulkheadStep;
import dev.fusebox.ft.core.adaptive.AsyncAdaptiveBulkheadStep;
import dev.fusebox.ft.core.async.ThreadOffload;
import dev.fusebox.ft.core.bulkhead.AsyncBulkheadStep;
import dev.fusebox.ft.core.bulkhead.BulkheadStep;
import dev.fusebox.ft.core.circuitbreaker.AsyncCircuitBreakerStep;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerStep;
import dev.fusebox.ft.core.fallback.AsyncFallbackStep;
import dev.fusebox.ft.core.fallback.FallbackStep;
import dev.fusebox.ft.core.hedge.AsyncHedgeStep;
import dev.fusebox.ft.core.hedge.HedgeStep;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.AsyncInvocationCountStep;
import dev.fusebox.ft.core.metrics.InvocationCountStep;
import dev.fusebox.ft.core.ratelimit.AsyncRateLimitStep;
import dev.fusebox.ft.core.ratelimit.RateLimitStep;
import dev.fusebox.ft.core.retry.AsyncRetryStep;
import dev.fusebox.ft.core.retry.RetryStep;
import dev.fusebox.ft.core.timeout.AsyncTimeoutStep;
import dev.fusebox.ft.core.timeout.TimeoutStep;
import java.lang.annotation.Annotation;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The links a chain can have, one row each, in the order of the MicroProfile Fault Tolerance
 * specification, outermost first: Fallback (or, without one, the invocation count), Retry,
 * CircuitBreaker, Fusebox's RateLimit and Hedge, Timeout, Bulkhead (or Fusebox's AdaptiveBulkhead), then the method itself, on the caller's thread or, for
 * {@code @Asynchronous}, handed to a worker thread. This table is the only place that states the
 * order: {@link ChainAssembly} builds every chain by walking it from the innermost row out, and
 * a row whose policy is off adds no link. Each row makes its synchronous and its asynchronous
 * link; the two are separate steps because the synchronous one allocates nothing per call, which
 * a stage-based step cannot do. Adding a policy is one row here and one pair of steps in core.
 * Thread-safe: an enum without state.
 */
enum LinkKind {

    /**
     * Outermost, so it sees the final outcome; counts the call's outcome whether it applies or not.
     * Without a fallback a synchronous chain gets no link here when nothing counts invocations (no
     * metrics backend): that link would only catch and rethrow. An asynchronous chain keeps its
     * link, which turns a synchronous throw of the links inside into a failed stage.
     */
    FALLBACK(Fallback.class) {
        @Override
        boolean present(LinkInputs in) {
            return true;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            if (in.policy().fallback() != null) {
                return new FallbackStep(inner, in.fallbackInvoker(), in.policy().fallback().applyOn(), in.metrics());
            }
            return in.metrics().countsInvocations() ? new InvocationCountStep(inner, in.metrics()) : inner;
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return in.policy().fallback() == null ? new AsyncInvocationCountStep(inner, in.metrics())
                    : new AsyncFallbackStep(inner, in.fallbackInvoker(), in.policy().fallback().applyOn(),
                            in.policy().async() == AsyncMode.STAGE, in.threads().offTimer(), in.metrics());
        }
    },

    RETRY(Retry.class) {
        @Override
        boolean present(LinkInputs in) {
            return in.policy().retry() != null;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return new RetryStep(inner, in.policy().name(), in.retry(), in.retryAllowance(), in.rejections(),
                    in.ticker(), in.sleeper(), in.metrics());
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new AsyncRetryStep(inner, in.policy().name(), in.retry(), in.retryAllowance(), in.rejections(),
                    in.ticker(), in.threads(), in.threads(), in.metrics());
        }
    },

    CIRCUIT_BREAKER(org.eclipse.microprofile.faulttolerance.CircuitBreaker.class) {
        @Override
        boolean present(LinkInputs in) {
            return in.breaker() != null;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return new CircuitBreakerStep(inner, in.breaker(), in.policy().circuitBreaker().failOn(), in.rejections(),
                    in.metrics());
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new AsyncCircuitBreakerStep(inner, in.breaker(), in.policy().circuitBreaker().failOn(),
                    in.rejections(), in.metrics());
        }
    },

    /**
     * After the breaker, so an open circuit rejects before the limit is asked, and inside the retry,
     * so each attempt passes the limit on its own (SmallRye's order too). Fusebox's own annotation.
     */
    RATE_LIMIT(RateLimit.class) {
        @Override
        boolean present(LinkInputs in) {
            return in.rateLimit() != null;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return new RateLimitStep(inner, in.rateLimit(), in.rejections(), in.ticker(), in.metrics());
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new AsyncRateLimitStep(inner, in.rateLimit(), in.rejections(), in.ticker(), in.metrics());
        }
    },

    /**
     * Fusebox's {@code @Hedge}: outside the timeout and the bulkhead, so each attempt has its own
     * timeout and place; inside the breaker, the rate limit and the retry, which see the hedged call
     * as one call. A synchronous chain's attempts run on the container's workers.
     */
    HEDGE(dev.fusebox.ft.api.Hedge.class) {
        @Override
        boolean present(LinkInputs in) {
            return in.hedge() != null;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return new HedgeStep(inner, in.hedge(), in.threads(), in.threads(), in.ticker());
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new AsyncHedgeStep(inner, in.hedge(), in.threads(), in.threads().offTimer(), in.ticker());
        }
    },

    TIMEOUT(Timeout.class) {
        @Override
        boolean present(LinkInputs in) {
            return in.policy().timeoutNanos() > 0;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return new TimeoutStep(inner, in.policy().name(), in.policy().timeoutNanos(), in.threads().deadlines(),
                    in.rejections(), in.ticker(), in.metrics());
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new AsyncTimeoutStep(inner, in.policy().name(), in.policy().timeoutNanos(), in.threads(),
                    in.rejections(), in.ticker(), in.metrics());
        }
    },

    BULKHEAD(org.eclipse.microprofile.faulttolerance.Bulkhead.class) {
        @Override
        boolean present(LinkInputs in) {
            return in.bulkhead() != null || in.asyncBulkhead() != null;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return new BulkheadStep(inner, in.bulkhead(), in.rejections(), in.ticker(), in.metrics());
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new AsyncBulkheadStep(inner, in.asyncBulkhead(), in.rejections(), in.ticker(), in.metrics());
        }
    },

    /**
     * Fusebox's {@code @AdaptiveBulkhead}, in the bulkhead's place (a method has one or the other),
     * each call at the priority its {@code CallPriority} parameter gives, else the method's:
     * a call that was cut short (by a timeout outside, as an interrupt or a cancellation, or the
     * method's own MicroProfile timeout) is sampled as a drop.
     */
    ADAPTIVE_BULKHEAD(AdaptiveBulkhead.class) {
        @Override
        boolean present(LinkInputs in) {
            return in.adaptiveLimit() != null;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return new AdaptiveBulkheadStep(inner, in.adaptiveLimit(), CallPriorities.of(in.policy().fusebox()
                    .adaptiveBulkhead()), DROPPED, in.rejections(), in.ticker());
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new AsyncAdaptiveBulkheadStep(inner, in.adaptiveLimit(), CallPriorities.of(in.policy().fusebox()
                    .adaptiveBulkhead()), DROPPED, in.rejections(), in.ticker());
        }
    },

    /** Innermost: the method itself, on the caller's thread, or handed to a worker for {@code @Asynchronous}. */
    THREAD_HAND_OFF(Asynchronous.class) {
        @Override
        boolean present(LinkInputs in) {
            return true;
        }

        @Override
        SyncStep sync(SyncStep inner, LinkInputs in) {
            return Invocation::proceed;
        }

        @Override
        AsyncStep async(AsyncStep inner, LinkInputs in) {
            return new ThreadOffload(in.threads(), in.policy().async() == AsyncMode.STAGE);
        }
    };

    /** What an adaptive bulkhead samples as a drop. */
    private static final Predicate<Throwable> DROPPED = AdaptiveBulkheadStep.CUT_SHORT
            .or(failure -> failure instanceof TimeoutException);

    private final Class<? extends Annotation> annotation;

    LinkKind(Class<? extends Annotation> annotation) {
        this.annotation = annotation;
    }

    /** The annotation whose policy this row applies (MicroProfile's, or Fusebox's own for RATE_LIMIT, HEDGE and ADAPTIVE_BULKHEAD). */
    Class<? extends Annotation> annotation() {
        return annotation;
    }

    /** Whether the method's chain has this link. */
    abstract boolean present(LinkInputs in);

    /**
     * This row's link of a synchronous chain around {@code inner} (null for the innermost row), or
     * {@code inner} itself when the row has nothing to do on this chain.
     */
    abstract SyncStep sync(SyncStep inner, LinkInputs in);

    /** This row's link of an asynchronous chain around {@code inner} (null for the innermost row). */
    abstract AsyncStep async(AsyncStep inner, LinkInputs in);
}
