package dev.fusebox.ft.api;

import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * A call was rejected by a {@link RateLimit}. It carries how long to wait before a call can be
 * admitted: advisory, as concurrent callers may take the room first, but never shorter than the
 * wait a lone caller needs. Thread-safe once thrown.
 */
public class RateLimitException extends FaultToleranceException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message    what was limited, e.g. the method's name
     * @param retryAfter how long until a call could be admitted; not negative
     */
    public RateLimitException(String message, Duration retryAfter) {
        super(message);
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or more: " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** How long until a call could be admitted. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /**
     * The wait in whole seconds, rounded up, for an HTTP {@code Retry-After} header: rounding down
     * would invite a retry that is certain to be rejected.
     */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds();
        return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
    }
}
