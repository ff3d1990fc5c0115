package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;

/**
 * Guards a synchronous call with a {@link CircuitBreaker}: a rejected call fails at once; an
 * admitted call's outcome is recorded, a throwable counting as a failure when the classifier
 * (failOn/skipOn) says so. Thread-safe.
 */
public final class CircuitBreakerStep implements SyncStep {

    private final SyncStep next;
    private final CircuitBreaker breaker;
    private final ExceptionClassifier failures;
    private final Rejections rejections;

    public CircuitBreakerStep(SyncStep next, CircuitBreaker breaker, ExceptionClassifier failures, Rejections rejections) {
        this.next = next;
        this.breaker = breaker;
        this.failures = failures;
        this.rejections = rejections;
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        Phase admittedIn = breaker.tryAcquire();
        if (admittedIn == null) {
            throw rejections.circuitOpen(breaker.name());
        }
        Object result;
        try {
            result = next.call(invocation);
        } catch (Throwable failure) {
            breaker.record(admittedIn, failures.test(failure));
            throw failure;
        }
        breaker.record(admittedIn, false);
        return result;
    }
}
