package dev.fusebox.ft.core.invocation;

/**
 * What cancelling an asynchronous call does to the place the call is in now (see {@link AsyncCall}).
 * Implementations must be thread-safe: a caller may cancel from any thread while the call moves on.
 */
@FunctionalInterface
public interface Cancellation {

    /** Cancels; with {@code interrupt}, a running method is interrupted too. */
    void cancel(boolean interrupt);
}
