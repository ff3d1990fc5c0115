package dev.fusebox.ft.core.fallback;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.FallbackUse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The asynchronous twin of {@link FallbackStep}. With {@code composeStage} (methods returning a
 * CompletionStage) the fallback's stage is followed; otherwise (methods returning a Future) the
 * fallback's return value itself is the result. The fallback is application code, so it runs
 * through {@code fallbackThreads}: the container's runs it at once on the thread that completed the
 * call's stage, unless that is its timer thread (a timeout completes stages there), and then on its
 * pool. A fallback that executor refuses (shutdown) fails the call with the refusal, the call's own
 * failure suppressed in it. Thread-safe.
 */
public final class AsyncFallbackStep implements AsyncStep {

    private final AsyncStep next;
    private final FallbackAction action;
    private final ExceptionClassifier applyOn;
    private final boolean composeStage;
    private final Executor fallbackThreads;
    private final MethodMetrics metrics;

    public AsyncFallbackStep(AsyncStep next, FallbackAction action, ExceptionClassifier applyOn, boolean composeStage,
                             Executor fallbackThreads, MethodMetrics metrics) {
        this.next = next;
        this.action = action;
        this.applyOn = applyOn;
        this.composeStage = composeStage;
        this.fallbackThreads = fallbackThreads;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        CompletionStage<Object> outcome = Stages.callNext(next, call);
        CompletableFuture<Object> result = new CompletableFuture<>();
        outcome.whenComplete((value, thrown) -> {
            if (thrown == null) {
                metrics.invocation(true, FallbackUse.NOT_APPLIED);
                result.complete(value);
                return;
            }
            Throwable failure = Failures.unwrap(thrown);
            if (!applyOn.test(failure)) {
                metrics.invocation(false, FallbackUse.NOT_APPLIED);
                result.completeExceptionally(failure);
                return;
            }
            try {
                fallbackThreads.execute(() -> fallBack(call, failure, result));
            } catch (RejectedExecutionException shutDown) {
                metrics.invocation(false, FallbackUse.NOT_APPLIED);
                shutDown.addSuppressed(failure);
                result.completeExceptionally(shutDown);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private void fallBack(AsyncCall call, Throwable failure, CompletableFuture<Object> result) {
        try {
            Object fallback = action.apply(call.invocation(), failure);
            if (composeStage) {
                ((CompletionStage<Object>) fallback).whenComplete((v, e) -> {
                    metrics.invocation(e == null, FallbackUse.APPLIED);
                    Stages.settle(result, v, e);
                });
            } else {
                metrics.invocation(true, FallbackUse.APPLIED);
                result.complete(fallback);
            }
        } catch (Throwable fallbackFailure) {
            metrics.invocation(false, FallbackUse.APPLIED);
            result.completeExceptionally(fallbackFailure);
        }
    }
}
