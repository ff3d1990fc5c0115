package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.invocation.Rejections;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** The MicroProfile Fault Tolerance exceptions for the engines' own rejections. Stateless. */
final class MicroProfileRejections implements Rejections {

    static final MicroProfileRejections INSTANCE = new MicroProfileRejections();

    @Override
    public RuntimeException circuitOpen(String name) {
        return new CircuitBreakerOpenException("circuit breaker is open: " + name);
    }

    @Override
    public RuntimeException bulkheadFull(String name) {
        return new BulkheadException("bulkhead is full: " + name);
    }

    @Override
    public RuntimeException timeout(String name, long timeoutNanos) {
        return new TimeoutException("timed out after " + Duration.ofNanos(timeoutNanos) + ": " + name);
    }
}
