package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.MethodPolicy;
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
import dev.fusebox.ft.core.retry.AsyncRetryStep;
import dev.fusebox.ft.core.retry.RetryStep;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.timeout.AsyncTimeoutStep;
import dev.fusebox.ft.core.timeout.TimeoutStep;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Builds the chain of one guarded method from its policy, in the specification's order, outermost
 * first: Fallback, Retry, CircuitBreaker, Timeout, Bulkhead, then (asynchronous methods) the
 * hand-off to a worker thread, then the method. A policy that is off adds no link. This is the
 * only place that knows the order. Thread-safe.
 */
final class ChainAssembly {

    private final AsyncExecution threads;
    private final BeanManager beans;
    private final Ticker ticker = Ticker.system();
    private final Rejections rejections = MicroProfileRejections.INSTANCE;

    ChainAssembly(AsyncExecution threads, BeanManager beans) {
        this.threads = threads;
        this.beans = beans;
    }

    GuardedMethod assemble(MethodPolicy policy) {
        return policy.async() == AsyncMode.NONE ? new GuardedMethod(sync(policy)) : new GuardedMethod(policy.async(), async(policy));
    }

    private SyncStep sync(MethodPolicy policy) {
        String name = policy.name();
        SyncStep step = Invocation::proceed;
        if (policy.bulkhead() != null) {
            step = new BulkheadStep(step, new Bulkhead(name, policy.bulkhead().value()), rejections);
        }
        if (policy.timeoutNanos() > 0) {
            step = new TimeoutStep(step, name, policy.timeoutNanos(), threads.timerOnly(), rejections);
        }
        if (policy.circuitBreaker() != null) {
            step = new CircuitBreakerStep(step, breaker(policy), policy.circuitBreaker().failOn(), rejections);
        }
        if (policy.retry() != null) {
            step = new RetryStep(step, policy.retry(), ticker, Sleeper.system());
        }
        if (policy.fallback() != null) {
            step = new FallbackStep(step, new FallbackInvoker(policy.fallback(), beans), policy.fallback().applyOn());
        }
        return step;
    }

    private AsyncStep async(MethodPolicy policy) {
        String name = policy.name();
        boolean stage = policy.async() == AsyncMode.STAGE;
        AsyncStep step = new ThreadOffload(threads, stage);
        if (policy.bulkhead() != null) {
            AsyncBulkhead bulkhead = new AsyncBulkhead(name, policy.bulkhead().value(), policy.bulkhead().waitingTaskQueue());
            step = new AsyncBulkheadStep(step, bulkhead, rejections);
        }
        if (policy.timeoutNanos() > 0) {
            step = new AsyncTimeoutStep(step, name, policy.timeoutNanos(), threads, rejections);
        }
        if (policy.circuitBreaker() != null) {
            step = new AsyncCircuitBreakerStep(step, breaker(policy), policy.circuitBreaker().failOn(), rejections);
        }
        if (policy.retry() != null) {
            step = new AsyncRetryStep(step, policy.retry(), ticker, threads);
        }
        if (policy.fallback() != null) {
            step = new AsyncFallbackStep(step, new FallbackInvoker(policy.fallback(), beans), policy.fallback().applyOn(), stage);
        }
        return step;
    }

    private CircuitBreaker breaker(MethodPolicy policy) {
        return new CircuitBreaker(policy.name(), policy.circuitBreaker().policy(), ticker, CircuitBreakerListener.NONE);
    }
}
