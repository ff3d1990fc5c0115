package dev.fusebox.ft.cdi.management;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.cdi.config.AdaptiveBulkheadSpec;
import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.BulkheadSpec;
import dev.fusebox.ft.cdi.config.CircuitBreakerSpec;
import dev.fusebox.ft.cdi.config.FuseboxPolicy;
import dev.fusebox.ft.cdi.config.HedgeSpec;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.config.RateLimitSpec;
import dev.fusebox.ft.cdi.config.RetryBudgetSpec;
import dev.fusebox.ft.cdi.config.RetryHooks;
import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryBudget;
import dev.fusebox.ft.guard.GuardEngines;
import dev.fusebox.ft.guard.ManagedGuard;
import java.util.List;

/**
 * A programmatic guard as management's {@link MethodEngines}, so JMX and the console show and act
 * on it as on an annotated method: its bean class is {@link Guard} and its method key the guard's
 * name ({@code dev.fusebox.ft.api.Guard#inventory}). The policy is read from the engines at each
 * call, so it shows what an operator changed. A guard has no fallback policy (its fallback is given
 * at the call site) and no reflective method ({@link MethodPolicy#method()} is null). Thread-safe.
 */
public final class GuardEnginesView implements MethodEngines {

    private final ManagedGuard guard;

    /** The guard viewed. */
    public ManagedGuard guard() {
        return guard;
    }

    private GuardEnginesView(ManagedGuard guard) {
        this.guard = guard;
    }

    /** Views of {@code guards}. */
    public static List<MethodEngines> of(List<ManagedGuard> guards) {
        return guards.stream().<MethodEngines>map(GuardEnginesView::new).toList();
    }

    @Override
    public MethodPolicy policy() {
        return policyOf(guard.engines(), guard.servesStages());
    }

    /**
     * The policy of a guard with {@code e} as its engines read now, for management and metrics;
     * {@code stages} when its first call was a stage.
     */
    public static MethodPolicy policyOf(GuardEngines e, boolean stages) {
        CircuitBreaker breaker = e.breaker();
        RateLimit limit = e.rateLimit();
        RetryBudget budget = e.retryBudget();
        AsyncBulkhead queued = e.asyncBulkhead();
        Bulkhead sync = e.bulkhead();
        boolean bulkheadShadow = stages ? queued != null && queued.isShadow() : sync != null && sync.isShadow();
        FuseboxPolicy fusebox = new FuseboxPolicy(limit == null ? null : new RateLimitSpec(limit.policy(), limit.isShadow()),
                null, RetryHooks.NONE, budget == null ? null : new RetryBudgetSpec(budget.policy(), ""),
                breaker != null && breaker.isShadow(), bulkheadShadow,
                e.adaptiveLimit() == null ? null : new AdaptiveBulkheadSpec(e.adaptiveLimit().policy(), e.adaptivePriority()),
                e.hedge() == null ? null : new HedgeSpec(e.hedge().policy(), e.hedgeBudget().policy()));
        return new MethodPolicy(Guard.class, null, e.name(), stages ? AsyncMode.STAGE : AsyncMode.NONE, e.retry(),
                breaker == null ? null : new CircuitBreakerSpec(breaker.policy(), e.breakerFailures()),
                e.timeoutNanos(), queued == null ? null : new BulkheadSpec(stages ? queued.limit() : sync.limit(),
                        queued.queueSize()), null, fusebox);
    }

    @Override
    public RetryBudget retryBudget() {
        return guard.engines().retryBudget();
    }

    @Override
    public CircuitBreaker breaker() {
        return guard.engines().breaker();
    }

    @Override
    public RateLimit rateLimit() {
        return guard.engines().rateLimit();
    }

    /** The synchronous bulkhead, unless the guard's first call was a stage. */
    @Override
    public Bulkhead bulkhead() {
        return guard.servesStages() ? null : guard.engines().bulkhead();
    }

    @Override
    public AsyncBulkhead asyncBulkhead() {
        return guard.servesStages() ? guard.engines().asyncBulkhead() : null;
    }

    @Override
    public AdaptiveLimit adaptiveLimit() {
        return guard.engines().adaptiveLimit();
    }

    @Override
    public Hedge hedge() {
        return guard.engines().hedge();
    }

    @Override
    public MethodCounters counters() {
        return guard.engines().counters();
    }
}
