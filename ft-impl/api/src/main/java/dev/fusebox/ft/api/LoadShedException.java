package dev.fusebox.ft.api;

import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * A call was refused by an {@link AdaptiveBulkhead}: its limit, or for a {@link CallPriority#BATCH}
 * call all but the live reserve, was in use. It is a {@link BulkheadException}, so whatever handles
 * a full bulkhead (a fallback's {@code applyOn}, a retry's {@code abortOn}) handles it too; it adds
 * the priority the call was refused at and when the limit is next reconsidered, for an HTTP
 * {@code 503} with {@code Retry-After}. Thread-safe once thrown.
 */
public class LoadShedException extends BulkheadException {

    private static final long serialVersionUID = 1L;

    private final CallPriority priority;
    private final Duration retryAfter;

    /**
     * @param message    what was refused, e.g. the method's name
     * @param priority   the priority the call was refused at; not null
     * @param retryAfter how long until the limit is reconsidered (its window); not negative
     */
    public LoadShedException(String message, CallPriority priority, Duration retryAfter) {
        super(message);
        if (priority == null) {
            throw new IllegalArgumentException("priority is required");
        }
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or more: " + retryAfter);
        }
        this.priority = priority;
        this.retryAfter = retryAfter;
    }

    /** The priority the call was refused at. */
    public CallPriority getPriority() {
        return priority;
    }

    /** How long until the limit is reconsidered: advisory, a call may be admitted sooner. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up, at least 1: for an HTTP {@code Retry-After} header. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
