package dev.fusebox.ft.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Trivial methods that always succeed, each under one fault-tolerance annotation with its default
 * parameters (or all of them): the cost measured is the implementation's, not the method's. Two
 * methods carry no fault-tolerance annotation: they measure what a guarded bean's unguarded methods
 * cost (compare them with {@link PlainService} and {@link PassThroughService}). Stateless; thread-safe
 * (the engines behind it are the implementation's).
 */
@ApplicationScoped
public class GuardedService {

    @CircuitBreaker
    public String circuitBreaker() {
        return "ok";
    }

    @Retry
    public String retry() {
        return "ok";
    }

    @Bulkhead
    public String bulkhead() {
        return "ok";
    }

    @Timeout
    public String timeout() {
        return "ok";
    }

    @Fallback(fallbackMethod = "degraded")
    public String fallback() {
        return "ok";
    }

    @Retry
    @CircuitBreaker
    @Timeout
    @Bulkhead
    @Fallback(fallbackMethod = "degraded")
    public String allFive() {
        return "ok";
    }

    @Asynchronous
    @Bulkhead
    public CompletionStage<String> asyncBulkhead() {
        return CompletableFuture.completedFuture("ok");
    }

    /** No fault-tolerance annotation, on a bean that has them on its other methods. */
    public String unguarded() {
        return "ok";
    }

    /** No fault-tolerance annotation, but behind {@link PassThroughInterceptor}. */
    @PassThrough
    public String unguardedPassThrough() {
        return "ok";
    }

    String degraded() {
        return "degraded";
    }
}
