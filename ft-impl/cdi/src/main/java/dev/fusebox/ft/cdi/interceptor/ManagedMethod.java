package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.metrics.MethodMetrics;

/**
 * One guarded method of one bean class as management sees it: its policy in force, its stateful
 * engines (a breaker, a bulkhead; null when the policy has none), its running totals, and the chain
 * calls go through. The engines live as long as the container; a new policy at run time changes
 * them in place and swaps the chain, so no state is lost. Thread-safe.
 */
public final class ManagedMethod {

    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final AsyncBulkhead asyncBulkhead;
    private final MethodCounters counters;
    /** The counters and the metrics backends together; what every chain of this method reports to. */
    final MethodMetrics metrics;
    private volatile MethodPolicy policy;
    private volatile GuardedMethod chain;

    ManagedMethod(MethodPolicy policy, CircuitBreaker breaker, Bulkhead bulkhead, AsyncBulkhead asyncBulkhead,
                  MethodCounters counters, MethodMetrics metrics) {
        this.policy = policy;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.asyncBulkhead = asyncBulkhead;
        this.counters = counters;
        this.metrics = metrics;
    }

    /** The policy in force. */
    public MethodPolicy policy() {
        return policy;
    }

    /** The method's circuit breaker, or null. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** The bulkhead of a synchronous method, or null. */
    public Bulkhead bulkhead() {
        return bulkhead;
    }

    /** The bulkhead of an asynchronous method, or null. */
    public AsyncBulkhead asyncBulkhead() {
        return asyncBulkhead;
    }

    /** Running totals since the container started. */
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
