package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.config.AdaptiveBulkheadSpec;
import dev.fusebox.ft.cdi.config.HedgeSpec;
import dev.fusebox.ft.cdi.config.RateLimitSpec;
import dev.fusebox.ft.cdi.config.RetryBudgetSpec;
import dev.fusebox.ft.cdi.metrics.CompositeMetrics;
import dev.fusebox.ft.cdi.metrics.EngineReading;
import dev.fusebox.ft.cdi.metrics.MetricSources;
import dev.fusebox.ft.cdi.metrics.MetricsBackend;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryBudget;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.guard.MicroProfileRejections;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the chain of one guarded method from its policy by walking the table of {@link LinkKind}
 * (which alone knows the specification's order) from its innermost row out; a policy that is off
 * adds no link. The engines are made first so the method's metrics, registered once here, can
 * read them. Thread-safe: its fields are final and it keeps no state between calls (assembly and
 * reconfiguration run on whichever thread asks; {@link Chains} serialises reconfigurations of one
 * method).
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
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Rejections rejections;
    /** The shared budget of each retry-budget group (its members agree on it: {@code RetryBudgetGroups}). */
    private final Map<String, RetryBudget> budgetGroups = new ConcurrentHashMap<>();

    /** The chains read the time of {@code threads} ({@link AsyncExecution#time()}). */
    ChainAssembly(AsyncExecution threads, BeanManager beans, MetricsBackend metricsBackend, boolean stackTraces) {
        this.rejections = new MicroProfileRejections(stackTraces);
        this.threads = threads;
        this.ticker = threads.time().ticker();
        this.sleeper = threads.time().sleeper();
        this.beans = beans;
        this.metricsBackend = metricsBackend;
    }

    /** Makes the engines of a guarded method, registers its metrics and assembles its chain. */
    ManagedMethod assemble(MethodPolicy policy) {
        Engines engines = new Engines(policy);
        MethodCounters counters = new MethodCounters();
        MethodMetrics metrics = CompositeMetrics.of(counters, metricsBackend.register(policy, engines.sources()));
        ManagedMethod managed = new ManagedMethod(policy, engines.budget, engines.breaker, engines.rateLimit,
                engines.bulkhead, engines.asyncBulkhead, engines.adaptiveLimit, engines.hedge, counters, metrics);
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
        LinkInputs in = engines.inputs(policy, metrics);
        LinkKind[] rows = LinkKind.values();
        SyncStep step = null;
        for (int i = rows.length - 1; i >= 0; i--) { // innermost row first: each link wraps the rest
            if (rows[i].present(in)) {
                step = rows[i].sync(step, in);
            }
        }
        return step;
    }

    private AsyncStep async(MethodPolicy policy, Engines engines, MethodMetrics metrics) {
        LinkInputs in = engines.inputs(policy, metrics);
        LinkKind[] rows = LinkKind.values();
        AsyncStep step = null;
        for (int i = rows.length - 1; i >= 0; i--) {
            if (rows[i].present(in)) {
                step = rows[i].async(step, in);
            }
        }
        return step;
    }

    /** A budget of the method's own, or its group's, made by the group's first method. */
    private RetryBudget budget(RetryBudgetSpec spec) {
        if (spec == null) {
            return null;
        }
        if (spec.group().isEmpty()) {
            return new RetryBudget(spec.policy(), ticker.nanoTime());
        }
        return budgetGroups.computeIfAbsent(spec.group(), group -> new RetryBudget(spec.policy(), ticker.nanoTime()));
    }

    /** The stateful engines of one method, shared by all its bean instances. */
    private final class Engines {
        final RetryBudget budget;
        final CircuitBreaker breaker;
        final RateLimit rateLimit;
        final Bulkhead bulkhead;
        final AsyncBulkhead asyncBulkhead;
        final AdaptiveLimit adaptiveLimit;
        final Hedge hedge;

        Engines(ManagedMethod managed) {
            budget = managed.retryBudget();
            breaker = managed.breaker();
            rateLimit = managed.rateLimit();
            bulkhead = managed.bulkhead();
            asyncBulkhead = managed.asyncBulkhead();
            adaptiveLimit = managed.adaptiveLimit();
            hedge = managed.hedge();
        }

        Engines(MethodPolicy policy) {
            String name = policy.name();
            breaker = policy.circuitBreaker() == null ? null
                    : new CircuitBreaker(name, policy.circuitBreaker().policy(), ticker, CircuitBreakerListener.NONE);
            budget = budget(policy.fusebox().retryBudget());
            RateLimitSpec limit = policy.fusebox().rateLimit();
            rateLimit = limit == null ? null : new RateLimit(name, limit.policy(), ticker.nanoTime());
            boolean async = policy.async() != AsyncMode.NONE;
            bulkhead = policy.bulkhead() == null || async ? null : new Bulkhead(name, policy.bulkhead().value());
            asyncBulkhead = policy.bulkhead() == null || !async ? null
                    : new AsyncBulkhead(name, policy.bulkhead().value(), policy.bulkhead().waitingTaskQueue());
            AdaptiveBulkheadSpec adaptive = policy.fusebox().adaptiveBulkhead();
            adaptiveLimit = adaptive == null ? null : new AdaptiveLimit(name, adaptive.policy(), ticker.nanoTime());
            HedgeSpec hedged = policy.fusebox().hedge();
            hedge = hedged == null ? null
                    : new Hedge(name, hedged.policy(), new RetryBudget(hedged.budget(), ticker.nanoTime()));
            Shadows.apply(policy, breaker, rateLimit, bulkhead, asyncBulkhead);
        }

        LinkInputs inputs(MethodPolicy policy, MethodMetrics metrics) {
            return new LinkInputs(policy, budget == null ? RetryAllowance.UNLIMITED : budget, breaker, rateLimit, bulkhead,
                    asyncBulkhead, adaptiveLimit, hedge, metrics, threads, beans, rejections, ticker, sleeper);
        }

        MetricSources sources() {
            MetricSources.BreakerTimes times = breaker == null ? null : breaker::nanosIn;
            List<EngineReading> readings = EngineReading.of(() -> adaptiveLimit, () -> hedge, adaptiveLimit != null,
                    hedge != null);
            if (bulkhead != null) {
                return new MetricSources(times, bulkhead::running, () -> 0, readings);
            }
            if (asyncBulkhead != null) {
                return new MetricSources(times, asyncBulkhead::running, asyncBulkhead::waiting, readings);
            }
            return new MetricSources(times, null, null, readings);
        }
    }
}
