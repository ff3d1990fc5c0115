package dev.fusebox.ft.core.invocation;

import java.util.function.LongSupplier;

/**
 * Makes the exceptions that the engines throw on their own account. The CDI layer supplies the
 * MicroProfile exception types; the engines know none of them. Thread-safe.
 */
public interface Rejections {

    /**
     * The breaker named {@code name} is open (or out of half-open trial permits).
     *
     * @param remainingOpenNanos how long the circuit goes on rejecting, read when asked (not when the
     *                           rejection is made, so failing fast reads no clock); see
     *                           {@code CircuitBreaker.remainingOpenNanos()}
     */
    RuntimeException circuitOpen(String name, LongSupplier remainingOpenNanos);

    /** The bulkhead named {@code name} has no free execution slot and no free queue place. */
    RuntimeException bulkheadFull(String name);

    /** The call named {@code name} ran longer than {@code timeoutNanos}. */
    RuntimeException timeout(String name, long timeoutNanos);

    /** Plain JDK exceptions, for use without MicroProfile. */
    static Rejections plain() {
        return new Rejections() {
            @Override
            public RuntimeException circuitOpen(String name, LongSupplier remainingOpenNanos) {
                return new IllegalStateException("circuit breaker open: " + name);
            }

            @Override
            public RuntimeException bulkheadFull(String name) {
                return new java.util.concurrent.RejectedExecutionException("bulkhead full: " + name);
            }

            @Override
            public RuntimeException timeout(String name, long timeoutNanos) {
                return new IllegalStateException("timed out after " + timeoutNanos + " ns: " + name);
            }
        };
    }
}
