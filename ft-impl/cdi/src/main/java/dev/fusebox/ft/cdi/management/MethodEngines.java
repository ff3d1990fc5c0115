package dev.fusebox.ft.cdi.management;

import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryBudget;

/**
 * One guarded method of one bean class as management sees it: its one name, the policy in force
 * (an immutable snapshot; a run-time change installs a new one), its stateful engines (null when
 * the policy has none) and its running totals. The engines live as long as the container; a
 * change of policy changes them in place. Implementations are thread-safe.
 */
public interface MethodEngines {

    /**
     * The method's one name, {@link MethodPolicy#name()}: what its engines, their exceptions and
     * log lines, JMX and JFR call it.
     */
    default String name() {
        return policy().name();
    }

    /** The policy in force. */
    MethodPolicy policy();

    /** The retry budget of the method's retry ({@code @RetryBudget}; shared by its group), or null. */
    RetryBudget retryBudget();

    /** The method's circuit breaker, or null. */
    CircuitBreaker breaker();

    /** The method's rate limit ({@code @RateLimit}), or null. */
    RateLimit rateLimit();

    /** The bulkhead of a synchronous method, or null. */
    Bulkhead bulkhead();

    /** The bulkhead of an asynchronous method, or null. */
    AsyncBulkhead asyncBulkhead();

    /** The limit of the method's {@code @AdaptiveBulkhead}, or null. */
    AdaptiveLimit adaptiveLimit();

    /** The hedge of the method's {@code @Hedge}, or null. */
    Hedge hedge();

    /** Running totals since the container started. */
    MethodCounters counters();
}
