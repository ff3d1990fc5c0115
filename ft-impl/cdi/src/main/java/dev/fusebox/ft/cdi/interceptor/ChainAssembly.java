package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.metrics.CompositeMetrics;
import dev.fusebox.ft.cdi.metrics.MetricSources;
import dev.fusebox.ft.cdi.metrics.MetricsBackend;
import dev.fusebox.ft.core.async.ThreadOffload;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.AsyncBulkheadStep;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.bulkhead.BulkheadStep;
import dev.fusebox.ft.core.circuitbreaker.AsyncCircuitBreakerStep;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerStep;
import dev.fusebox.ft.core.fallback.AsyncFallbackStep;
import dev.fusebox.ft.core.fallback.FallbackStep;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.AsyncInvocationCountStep;
import dev.fusebox.ft.core.metrics.InvocationCountStep;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.retry.AsyncRetryStep;
import dev.fusebox.ft.core.retry.RetryStep;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.timeout.AsyncTimeoutStep;
import dev.fusebox.ft.core.timeout.TimeoutStep;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Builds the chain of one guarded method from its policy, in the specification's order, outermost
 * first: Fallback (or, without one, the invocation count), Retry, CircuitBreaker, Timeout,
 * Bulkhead, then (asynchronous methods) the hand-off to a worker thread, then the method. A policy
 * that is off adds no link. The engines are made first so the method's metrics, registered once
 * here, can read them. This is the only place that knows the order. Thread-safe.
 *
 * <p>The threads of an asynchronous chain ({@link AsyncExecution}): the method runs on the pool;
 * the timeout and the retry's delay are timed on the timer thread, where the timeout fires (so it
 * fires on time when the pool is full) and the retry hands its next attempt to the pool; the
 * fallback and the caller's continuations on the returned stage run off the timer thread
 * ({@link AsyncExecution#offTimer()}).
 */
final class ChainAssembly {

    private final AsyncExecution threads;
    private final BeanManager beans;
    private final MetricsBackend metricsBackend;
    private final Ticker ticker = Ticker.system();
    private final Rejections rejections;

    ChainAssembly(AsyncExecution threads, BeanManager beans, MetricsBackend metricsBackend, boolean stackTraces) {
        this.rejections = new MicroProfileRejections(stackTraces);
        this.threads = threads;
        this.beans = beans;
        this.metricsBackend = metricsBackend;
    }

    /** Makes the engines of a guarded method, registers its metrics and assembles its chain. */
    ManagedMethod assemble(MethodPolicy policy) {
        Engines engines = new Engines(policy);
        MethodCounters counters = new MethodCounters();
        MethodMetrics metrics = CompositeMetrics.of(counters, metricsBackend.register(policy, engines.sources()));
        ManagedMethod managed = new ManagedMethod(policy, engines.breaker, engines.bulkhead, engines.asyncBulkhead,
                counters, metrics);
        managed.install(policy, chain(policy, managed));
        return managed;
    }

    /**
     * A chain for {@code policy} over the existing engines and metrics of {@code managed} (whose
     * engines the caller has already given the new parameters).
     */
    GuardedMethod chain(MethodPolicy policy, ManagedMethod managed) {
        Engines engines = new Engines(managed);
        return policy.async() == AsyncMode.NONE ? new GuardedMethod(sync(policy, engines, managed.metrics))
                : new GuardedMethod(policy.async(), async(policy, engines, managed.metrics), threads.offTimer());
    }

    private SyncStep sync(MethodPolicy policy, Engines engines, MethodMetrics metrics) {
        String name = policy.name();
        SyncStep step = Invocation::proceed;
        if (engines.bulkhead != null) {
            step = new BulkheadStep(step, engines.bulkhead, rejections, ticker, metrics);
        }
        if (policy.timeoutNanos() > 0) {
            step = new TimeoutStep(step, name, policy.timeoutNanos(), threads.deadlines(), rejections, ticker, metrics);
        }
        if (engines.breaker != null) {
            step = new CircuitBreakerStep(step, engines.breaker, policy.circuitBreaker().failOn(), rejections, metrics);
        }
        if (policy.retry() != null) {
            step = new RetryStep(step, policy.retry(), ticker, Sleeper.system(), metrics);
        }
        if (policy.fallback() != null) {
            return new FallbackStep(step, new FallbackInvoker(policy.fallback(), beans), policy.fallback().applyOn(), metrics);
        }
        return new InvocationCountStep(step, metrics);
    }

    private AsyncStep async(MethodPolicy policy, Engines engines, MethodMetrics metrics) {
        String name = policy.name();
        boolean stage = policy.async() == AsyncMode.STAGE;
        AsyncStep step = new ThreadOffload(threads, stage);
        if (engines.asyncBulkhead != null) {
            step = new AsyncBulkheadStep(step, engines.asyncBulkhead, rejections, ticker, metrics);
        }
        if (policy.timeoutNanos() > 0) {
            step = new AsyncTimeoutStep(step, name, policy.timeoutNanos(), threads, rejections, ticker, metrics);
        }
        if (engines.breaker != null) {
            step = new AsyncCircuitBreakerStep(step, engines.breaker, policy.circuitBreaker().failOn(), rejections, metrics);
        }
        if (policy.retry() != null) {
            step = new AsyncRetryStep(step, policy.retry(), ticker, threads, threads, metrics);
        }
        if (policy.fallback() != null) {
            return new AsyncFallbackStep(step, new FallbackInvoker(policy.fallback(), beans), policy.fallback().applyOn(),
                    stage, threads.offTimer(), metrics);
        }
        return new AsyncInvocationCountStep(step, metrics);
    }

    /** The stateful engines of one method, shared by all its bean instances. */
    private final class Engines {
        final CircuitBreaker breaker;
        final Bulkhead bulkhead;
        final AsyncBulkhead asyncBulkhead;

        Engines(ManagedMethod managed) {
            breaker = managed.breaker();
            bulkhead = managed.bulkhead();
            asyncBulkhead = managed.asyncBulkhead();
        }

        Engines(MethodPolicy policy) {
            String name = policy.name();
            breaker = policy.circuitBreaker() == null ? null
                    : new CircuitBreaker(name, policy.circuitBreaker().policy(), ticker, CircuitBreakerListener.NONE);
            boolean async = policy.async() != AsyncMode.NONE;
            bulkhead = policy.bulkhead() == null || async ? null : new Bulkhead(name, policy.bulkhead().value());
            asyncBulkhead = policy.bulkhead() == null || !async ? null
                    : new AsyncBulkhead(name, policy.bulkhead().value(), policy.bulkhead().waitingTaskQueue());
        }

        MetricSources sources() {
            if (bulkhead != null) {
                return new MetricSources(breaker, bulkhead::running, () -> 0);
            }
            if (asyncBulkhead != null) {
                return new MetricSources(breaker, asyncBulkhead::running, asyncBulkhead::waiting);
            }
            return new MetricSources(breaker, null, null);
        }
    }
}
