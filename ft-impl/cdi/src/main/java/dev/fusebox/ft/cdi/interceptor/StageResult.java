package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.invocation.AsyncCall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the caller of an asynchronous method returning CompletionStage gets: a stage that completes
 * with the guarded outcome, and whose cancellation reaches the call (withdraws it from a queue,
 * stops retries, interrupts the method when asked to). Thread-safe.
 *
 * <p>Where the caller's continuations run. A timeout completes this stage on the container's timer
 * thread, on time whatever the pool's load, and the timer thread must not run application code.
 * So every continuation chained here without an executor of its own ({@code thenApply},
 * {@code whenComplete}, ... and {@link #copy()}, {@link #minimalCompletionStage()}) runs through
 * {@code continuations}: at once on the completing thread, as a CompletableFuture's would, unless
 * that is the timer thread, and then on the container's pool. The stages these return are plain
 * CompletableFutures: the one hop is enough, as they complete off the timer.
 */
final class StageResult extends CompletableFuture<Object> {

    private final AsyncCall call;
    private final Executor continuations;

    StageResult(AsyncCall call, Executor continuations) {
        this.call = call;
        this.continuations = continuations;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            call.cancel(mayInterruptIfRunning);
        }
        return cancelled;
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super Object, ? extends U> fn) {
        return thenApplyAsync(fn, continuations);
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super Object> action) {
        return thenAcceptAsync(action, continuations);
    }

    @Override
    public CompletableFuture<Void> thenRun(Runnable action) {
        return thenRunAsync(action, continuations);
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other,
                                                   BiFunction<? super Object, ? super U, ? extends V> fn) {
        return thenCombineAsync(other, fn, continuations);
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other,
                                                      BiConsumer<? super Object, ? super U> action) {
        return thenAcceptBothAsync(other, action, continuations);
    }

    @Override
    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return runAfterBothAsync(other, action, continuations);
    }

    @Override
    public <U> CompletableFuture<U> applyToEither(CompletionStage<?> other, Function<? super Object, U> fn) {
        return applyToEitherAsync(other, fn, continuations);
    }

    @Override
    public CompletableFuture<Void> acceptEither(CompletionStage<?> other, Consumer<? super Object> action) {
        return acceptEitherAsync(other, action, continuations);
    }

    @Override
    public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return runAfterEitherAsync(other, action, continuations);
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super Object, ? extends CompletionStage<U>> fn) {
        return thenComposeAsync(fn, continuations);
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super Object, Throwable, ? extends U> fn) {
        return handleAsync(fn, continuations);
    }

    @Override
    public CompletableFuture<Object> whenComplete(BiConsumer<? super Object, ? super Throwable> action) {
        return whenCompleteAsync(action, continuations);
    }

    @Override
    public CompletableFuture<Object> exceptionally(Function<Throwable, ?> fn) {
        return exceptionallyAsync(fn, continuations);
    }

    @Override
    public CompletableFuture<Object> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<Object>> fn) {
        return exceptionallyComposeAsync(fn, continuations);
    }

    @Override
    public CompletableFuture<Object> copy() {
        return thenApplyAsync(Function.identity(), continuations);
    }

    @Override
    public CompletionStage<Object> minimalCompletionStage() {
        return copy().minimalCompletionStage();
    }
}
