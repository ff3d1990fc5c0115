package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.invocation.Rejections;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The MicroProfile Fault Tolerance exceptions for the engines' own rejections. By default the
 * fail-fast ones (open circuit, full bulkhead) carry no stack trace and build their message only
 * when asked, so failing fast costs one small object: their trace would only show the interceptor
 * chain, never the caller's fault. With {@code fusebox.exceptions.stack-traces=true} they are
 * ordinary exceptions. Immutable; thread-safe.
 */
final class MicroProfileRejections implements Rejections {

    private final boolean stackTraces;

    MicroProfileRejections(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    @Override
    public RuntimeException circuitOpen(String name) {
        return stackTraces ? new CircuitBreakerOpenException(OpenCircuit.PREFIX + name) : new OpenCircuit(name);
    }

    @Override
    public RuntimeException bulkheadFull(String name) {
        return stackTraces ? new BulkheadException(FullBulkhead.PREFIX + name) : new FullBulkhead(name);
    }

    /** Always the exact MicroProfile type: the TCK checks the class of a timeout, and a timeout is no fast path. */
    @Override
    public RuntimeException timeout(String name, long timeoutNanos) {
        return new TimeoutException("timed out after " + Duration.ofNanos(timeoutNanos) + ": " + name);
    }

    /** A circuit-open rejection without a stack trace. */
    private static final class OpenCircuit extends CircuitBreakerOpenException {
        static final String PREFIX = "circuit breaker is open: ";
        private static final long serialVersionUID = 1L;
        private final String name;

        OpenCircuit(String name) {
            super(null, null);
            this.name = name;
        }

        @Override
        public String getMessage() {
            return PREFIX + name;
        }

        /** Not synchronized (unlike Throwable's): it runs in the constructor, on an object no one else sees yet. */
        @Override
        public Throwable fillInStackTrace() {
            return this;
        }

        /** Reads as the public type, so logs name the exception an application catches. */
        @Override
        public String toString() {
            return CircuitBreakerOpenException.class.getName() + ": " + getMessage();
        }
    }

    /** A bulkhead rejection without a stack trace. */
    private static final class FullBulkhead extends BulkheadException {
        static final String PREFIX = "bulkhead is full: ";
        private static final long serialVersionUID = 1L;
        private final String name;

        FullBulkhead(String name) {
            super(null, null);
            this.name = name;
        }

        @Override
        public String getMessage() {
            return PREFIX + name;
        }

        /** Not synchronized (unlike Throwable's): it runs in the constructor, on an object no one else sees yet. */
        @Override
        public Throwable fillInStackTrace() {
            return this;
        }

        /** Reads as the public type, so logs name the exception an application catches. */
        @Override
        public String toString() {
            return BulkheadException.class.getName() + ": " + getMessage();
        }
    }
}
