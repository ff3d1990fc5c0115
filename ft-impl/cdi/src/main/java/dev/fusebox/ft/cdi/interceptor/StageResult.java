package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.invocation.AsyncCall;
import java.util.concurrent.CompletableFuture;

/**
 * What the caller of an asynchronous method returning CompletionStage gets: a stage that completes
 * with the guarded outcome, and whose cancellation reaches the call (withdraws it from a queue,
 * stops retries, interrupts the method when asked to). Thread-safe.
 */
final class StageResult extends CompletableFuture<Object> {

    private final AsyncCall call;

    StageResult(AsyncCall call) {
        this.call = call;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            call.cancel(mayInterruptIfRunning);
        }
        return cancelled;
    }
}
