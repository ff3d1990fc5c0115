package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryBudget;

/**
 * One guarded method of one bean class: its policy in force, its stateful engines (a retry budget,
 * possibly its group's; a breaker, a rate limit, a bulkhead, an adaptive limit, a hedge; null when the policy has none), its running totals, and the chain calls go through.
 * Management sees it through the port {@link MethodEngines}, never as this class. The engines live
 * as long as the container; a new policy at run time changes them in place and swaps the chain
 * ({@link #install}, under {@link Chains#reconfigure}'s lock on this object), so no state is lost.
 * Thread-safe: the engines are final and thread-safe themselves; policy and chain are volatile,
 * written together by {@link #install} (the chain first, so a reader that sees the new policy
 * also finds its chain in place).
 */
final class ManagedMethod implements MethodEngines {

    private final RetryBudget retryBudget;
    private final CircuitBreaker breaker;
    private final RateLimit rateLimit;
    private final Bulkhead bulkhead;
    private final AsyncBulkhead asyncBulkhead;
    private final AdaptiveLimit adaptiveLimit;
    private final Hedge hedge;
    private final MethodCounters counters;
    /** The counters and the metrics backends together; what every chain of this method reports to. */
    final MethodMetrics metrics;
    private volatile MethodPolicy policy;
    private volatile GuardedMethod chain;

    ManagedMethod(MethodPolicy policy, RetryBudget retryBudget, CircuitBreaker breaker, RateLimit rateLimit,
                  Bulkhead bulkhead, AsyncBulkhead asyncBulkhead, AdaptiveLimit adaptiveLimit, Hedge hedge,
                  MethodCounters counters, MethodMetrics metrics) {
        this.policy = policy;
        this.retryBudget = retryBudget;
        this.breaker = breaker;
        this.rateLimit = rateLimit;
        this.bulkhead = bulkhead;
        this.asyncBulkhead = asyncBulkhead;
        this.adaptiveLimit = adaptiveLimit;
        this.hedge = hedge;
        this.counters = counters;
        this.metrics = metrics;
    }

    @Override
    public MethodPolicy policy() {
        return policy;
    }

    @Override
    public RetryBudget retryBudget() {
        return retryBudget;
    }

    @Override
    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public RateLimit rateLimit() {
        return rateLimit;
    }

    @Override
    public Bulkhead bulkhead() {
        return bulkhead;
    }

    @Override
    public AsyncBulkhead asyncBulkhead() {
        return asyncBulkhead;
    }

    @Override
    public AdaptiveLimit adaptiveLimit() {
        return adaptiveLimit;
    }

    @Override
    public Hedge hedge() {
        return hedge;
    }

    @Override
    public MethodCounters counters() {
        return counters;
    }

    GuardedMethod chain() {
        return chain;
    }

    void install(MethodPolicy installed, GuardedMethod assembled) {
        this.chain = assembled;
        this.policy = installed;
    }

    @Override
    public String toString() {
        return "ManagedMethod[" + policy.name() + "]";
    }
}
