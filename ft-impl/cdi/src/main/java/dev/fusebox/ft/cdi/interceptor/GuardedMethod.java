package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.invocation.SyncStep;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The assembled chain of one guarded method of one bean class; shared by all its bean instances,
 * so its engines (breaker, bulkhead) are too. Exactly one of the two chains is set. Thread-safe.
 */
final class GuardedMethod {

    private final AsyncMode mode;
    private final SyncStep sync;
    private final AsyncStep async;
    /** Where continuations chained onto a returned CompletionStage run (see {@link StageResult}). */
    private final Executor continuations;

    GuardedMethod(SyncStep sync) {
        this.mode = AsyncMode.NONE;
        this.sync = sync;
        this.async = null;
        this.continuations = null;
    }

    GuardedMethod(AsyncMode mode, AsyncStep async, Executor continuations) {
        this.mode = mode;
        this.sync = null;
        this.async = async;
        this.continuations = continuations;
    }

    Object invoke(InvocationContext context) throws Exception {
        InterceptedInvocation invocation = new InterceptedInvocation(context);
        if (sync != null) {
            return sync.call(invocation);
        }
        AsyncCall call = new AsyncCall(invocation);
        CompletionStage<Object> outcome = async.call(call);
        if (mode == AsyncMode.FUTURE) {
            return new FutureResult(call, outcome.toCompletableFuture());
        }
        StageResult result = new StageResult(call, continuations);
        Stages.relay(outcome, result);
        return result;
    }
}
