package dev.fusebox.ft.core.invocation;

import java.util.concurrent.CompletionStage;

/**
 * One link of the chain for an asynchronous method. It never blocks its caller: the outcome,
 * rejections included, arrives through the returned stage. One instance serves every call of one
 * guarded method, so implementations are thread-safe.
 */
@FunctionalInterface
public interface AsyncStep {

    /** Applies this link's policy to {@code call}; the stage completes with the method's outcome. */
    CompletionStage<Object> call(AsyncCall call);
}
