package dev.fusebox.samples.demo;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** How one call to a dependency ended, as the summary counts it. */
public enum Outcome {
    /** A fresh answer. */
    OK("ok"),
    /** The fallback answered (cached stock level, no recommendations). */
    FALLBACK("fallback"),
    /** Fusebox gave the call up: {@link TimeoutException}. */
    TIMEOUT("timeout"),
    /** The open circuit refused it: {@link CircuitBreakerOpenException}. */
    OPEN("open"),
    /** The full bulkhead refused it: {@link BulkheadException}. */
    BULKHEAD("bulkhead"),
    /** The dependency's own failure reached the caller (refused connection, injected error). */
    ERROR("error");

    private final String word;

    Outcome(String word) {
        this.word = word;
    }

    /** The word used in the summary line. */
    public String word() {
        return word;
    }

    /** The outcome of a call that threw {@code failure} (unwrapping asynchronous wrappers). */
    public static Outcome of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return TIMEOUT;
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return OPEN;
        }
        if (cause instanceof BulkheadException) {
            return BULKHEAD;
        }
        return ERROR;
    }
}
