package dev.fusebox.ft.core.async;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.invocation.SyncStep;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The innermost link of an asynchronous chain: runs the method on the executor. With
 * {@code followStage} (methods returning a CompletionStage) the outcome is that of the stage the
 * method returns; otherwise (methods returning a Future) the returned object itself is the outcome,
 * as the specification counts only exceptions the method throws. The worker's interrupt flag is
 * cleared before it goes back to the pool; a task the executor drops unrun (shutdown) fails the
 * call through {@link AbandonableTask}. Thread-safe.
 */
public final class ThreadOffload implements AsyncStep {

    private final Executor executor;
    private final boolean followStage;
    private final SyncStep body;

    public ThreadOffload(Executor executor, boolean followStage) {
        this(executor, followStage, Invocation::proceed);
    }

    /**
     * Runs {@code body} (the rest of a synchronous chain) on the executor instead of the method
     * alone, its returned object being the outcome: a synchronous hedge's attempts run so.
     */
    public ThreadOffload(Executor executor, SyncStep body) {
        this(executor, false, body);
    }

    private ThreadOffload(Executor executor, boolean followStage, SyncStep body) {
        this.executor = executor;
        this.followStage = followStage;
        this.body = body;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        Offloaded task = new Offloaded(call);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException rejected) {
            task.completeExceptionally(rejected);
        }
        return task;
    }

    /**
     * One call's trip to a worker thread: the task and, as a stage, its outcome (one object for both).
     * Thread-safe: a CompletableFuture, run by one worker or abandoned, never both (the executor's guarantee).
     */
    private final class Offloaded extends CompletableFuture<Object> implements AbandonableTask {
        private final AsyncCall call;

        Offloaded(AsyncCall call) {
            this.call = call;
        }

        @Override
        public void run() {
            runOn(call, this);
        }

        @Override
        public void abandon(Throwable reason) {
            completeExceptionally(reason);
        }
    }

    private void runOn(AsyncCall call, CompletableFuture<Object> result) {
        if (call.isCancelled()) {
            result.completeExceptionally(new CancellationException("cancelled before it started"));
            return;
        }
        call.runningOn(Thread.currentThread());
        try {
            Object value = body.call(call.invocation());
            if (followStage && value != null) {
                Stages.relay((CompletionStage<?>) value, result);
            } else {
                result.complete(value);
            }
        } catch (Throwable failure) {
            result.completeExceptionally(failure);
        } finally {
            call.runningOn(null);
            Thread.interrupted();
        }
    }
}
