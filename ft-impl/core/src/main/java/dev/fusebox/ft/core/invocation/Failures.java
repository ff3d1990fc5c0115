package dev.fusebox.ft.core.invocation;

import java.util.concurrent.CompletionException;

/**
 * Helpers for passing throwables through a chain unchanged.
 * Stateless; thread-safe.
 */
public final class Failures {

    private Failures() {
    }

    /** The failure a stage completed with, without the {@link CompletionException} wrapper. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Rethrows {@code failure} as it is: checked exceptions are passed on as {@link Exception},
     * errors as errors.
     */
    public static Exception rethrow(Throwable failure) throws Exception {
        if (failure instanceof Exception exception) {
            throw exception;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
