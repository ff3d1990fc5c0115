package dev.fusebox.ft.core.invocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How the links of an asynchronous chain hand outcomes to each other: calling the next link so
 * that even a synchronous throw arrives as a failed stage, and completing a link's own stage from
 * another one without the {@link java.util.concurrent.CompletionException} wrapper that stage
 * callbacks may see. Stateless.
 */
public final class Stages {

    private Stages() {
    }

    /** {@code next.call(call)}, with a throw turned into a failed stage. */
    public static CompletionStage<Object> callNext(AsyncStep next, AsyncCall call) {
        try {
            return next.call(call);
        } catch (RuntimeException | Error failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /**
     * Completes {@code target} with a stage callback's arguments: the value, or the failure
     * unwrapped. Returns what {@code complete}/{@code completeExceptionally} returned.
     */
    public static boolean settle(CompletableFuture<? super Object> target, Object value, Throwable failure) {
        return failure == null ? target.complete(value) : target.completeExceptionally(Failures.unwrap(failure));
    }

    /**
     * Completes {@code target} with {@code source}'s outcome once it has one. A
     * {@link CompletableFuture} that is already done is read at once, with no callback stage
     * allocated.
     */
    @SuppressWarnings("unchecked")
    public static void relay(CompletionStage<?> source, CompletableFuture<? super Object> target) {
        if (source instanceof CompletableFuture<?> future && future.isDone()) {
            Object value;
            try {
                value = future.join();
            } catch (Throwable failure) {
                // CompletionException or CancellationException: unwrap gives the original failure
                target.completeExceptionally(Failures.unwrap(failure));
                return;
            }
            target.complete(value);
            return;
        }
        ((CompletionStage<Object>) source).whenComplete((value, failure) -> settle(target, value, failure));
    }
}
