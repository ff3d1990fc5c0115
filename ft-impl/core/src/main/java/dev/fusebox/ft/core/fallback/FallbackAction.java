package dev.fusebox.ft.core.fallback;

import dev.fusebox.ft.core.invocation.Invocation;

/**
 * Produces the fallback result for a failed call: a fallback method or handler, supplied by the
 * layer that knows the application's beans. Thread-safe.
 */
@FunctionalInterface
public interface FallbackAction {

    /**
     * Returns the fallback result for {@code invocation}, which failed with {@code failure}. For an
     * asynchronous method the result is itself a stage or future, as the method's would be.
     */
    Object apply(Invocation invocation, Throwable failure) throws Exception;
}
