package dev.fusebox.ft.core.invocation;

/**
 * The guarded method itself, as the innermost link of a chain sees it. Calling {@link #proceed()}
 * again runs the method again (a retry does this). One instance stands for one call of the method
 * by the application, so it is not shared between threads except along one asynchronous call.
 * Implementations need not be thread-safe.
 */
@FunctionalInterface
public interface Invocation {

    /** Runs the guarded method and returns what it returned. */
    Object proceed() throws Exception;
}
