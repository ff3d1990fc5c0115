package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.invocation.Invocation;

/**
 * Called before every retry of a call (never before its first attempt), after the wait and just
 * before the attempt starts, on the thread that will run it: e.g. to refresh a token. A hook that
 * throws is logged (WARNING, naming the method) and the retry goes on. Implementations are
 * thread-safe, fast and do not block.
 */
@FunctionalInterface
public interface BeforeRetry {

    /**
     * @param invocation the call being retried (the CDI layer reaches the bean instance through it,
     *                   for a hook that is a method of the bean)
     * @param retry      the number of the retry about to start, from 1
     * @param cause      the failure of the attempt before, or null when its result was not accepted
     */
    void beforeRetry(Invocation invocation, int retry, Throwable cause);
}
