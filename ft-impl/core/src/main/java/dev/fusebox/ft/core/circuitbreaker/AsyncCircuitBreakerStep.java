package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Rejections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous twin of {@link CircuitBreakerStep}: the outcome is recorded when the stage
 * completes, and a rejection arrives as a failed stage. Thread-safe.
 */
public final class AsyncCircuitBreakerStep implements AsyncStep {

    private final AsyncStep next;
    private final CircuitBreaker breaker;
    private final ExceptionClassifier failures;
    private final Rejections rejections;

    public AsyncCircuitBreakerStep(AsyncStep next, CircuitBreaker breaker, ExceptionClassifier failures,
                                   Rejections rejections) {
        this.next = next;
        this.breaker = breaker;
        this.failures = failures;
        this.rejections = rejections;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        Phase admittedIn = breaker.tryAcquire();
        if (admittedIn == null) {
            return CompletableFuture.failedFuture(rejections.circuitOpen(breaker.name()));
        }
        CompletionStage<Object> outcome;
        try {
            outcome = next.call(call);
        } catch (RuntimeException | Error failure) {
            breaker.record(admittedIn, failures.test(failure));
            throw failure;
        }
        return outcome.whenComplete((value, failure) ->
                breaker.record(admittedIn, failure != null && failures.test(Failures.unwrap(failure))));
    }
}
