package dev.fusebox.ft.api;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Retries ran out while the result was still one that {@link RetryWhen#result()} retries. Holds
 * that last result (not serialized). Thread-safe once thrown, as far as the result is.
 */
public class RetryResultException extends FaultToleranceException {

    private static final long serialVersionUID = 1L;

    private final transient Object lastResult;

    public RetryResultException(String message, Object lastResult) {
        super(message);
        this.lastResult = lastResult;
    }

    /** The last attempt's result, which the retry predicate still refused. */
    public Object getLastResult() {
        return lastResult;
    }
}
