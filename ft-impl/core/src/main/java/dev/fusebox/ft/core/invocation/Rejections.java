package dev.fusebox.ft.core.invocation;

/**
 * Makes the exceptions that the engines throw on their own account. The CDI layer supplies the
 * MicroProfile exception types; the engines know none of them. Thread-safe.
 */
public interface Rejections {

    /**
     * The breaker is open (or out of half-open trial permits). The exception may keep the breaker,
     * to read its remaining open time when asked (not when the rejection is made, so failing fast
     * reads no clock).
     */
    RuntimeException circuitOpen(RejectingBreaker breaker);

    /** The bulkhead named {@code name} has no free execution slot and no free queue place. */
    RuntimeException bulkheadFull(String name);

    /** The call named {@code name} ran longer than {@code timeoutNanos}. */
    RuntimeException timeout(String name, long timeoutNanos);

    /**
     * The rate limit named {@code name} refused a call; a call could be admitted after
     * {@code retryAfterNanos} (more than 0; advisory). A plain JDK exception unless the layer
     * above makes its own.
     */
    default RuntimeException rateLimited(String name, long retryAfterNanos) {
        return new java.util.concurrent.RejectedExecutionException("rate limit exceeded: " + name + ", retry after "
                + retryAfterNanos + " ns");
    }

    /**
     * The adaptive bulkhead named {@code name} refused a call of {@code priority} (a
     * {@code dev.fusebox.ft.core.adaptive.Priority} name: LIVE or BATCH); its limit is next
     * reconsidered within {@code retryAfterNanos}. By default what a full bulkhead throws.
     */
    default RuntimeException shed(String name, String priority, long retryAfterNanos) {
        return bulkheadFull(name);
    }

    /**
     * The retries of the call named {@code name} ended ({@code retries} of them) while its retry
     * policy still did not accept its result {@code lastResult}; thrown instead of returning it, so
     * that a fallback applies. By default a plain {@link IllegalStateException} that does not carry
     * the result (the CDI layer's exception carries it).
     */
    default RuntimeException resultNotAccepted(String name, Object lastResult, int retries) {
        return new IllegalStateException("result not accepted after " + retries + " retries: " + name);
    }

    /** Plain JDK exceptions, for use without MicroProfile. */
    static Rejections plain() {
        return new Rejections() {
            @Override
            public RuntimeException circuitOpen(RejectingBreaker breaker) {
                return new IllegalStateException("circuit breaker open: " + breaker.name());
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
