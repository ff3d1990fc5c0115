package dev.fusebox.ft.core.hedge;

import dev.fusebox.ft.core.async.ThreadOffload;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Hedges a synchronous call: every attempt, the first too, runs the rest of the chain on the
 * executor, and the caller's thread waits for the answer of {@link AsyncHedgeStep}, which it
 * returns or throws as the method would. The first attempt cannot run on the caller's thread: a
 * hedge that answered first could not stop it there and answer at once. So a hedged synchronous
 * call costs a hand-off to a worker thread even when no hedge starts. The caller's interrupt
 * cancels every attempt (interrupting their threads) and is thrown as an
 * {@link InterruptedException}. Thread-safe.
 */
public final class HedgeStep implements SyncStep {

    private final AsyncHedgeStep hedged;

    public HedgeStep(SyncStep next, Hedge hedge, Scheduler scheduler, Executor executor, Ticker ticker) {
        this.hedged = new AsyncHedgeStep(new ThreadOffload(executor, next), hedge, scheduler, executor, ticker);
    }

    @Override
    public Object call(Invocation invocation) throws Exception {
        AsyncCall call = new AsyncCall(invocation);
        CompletableFuture<Object> answer = hedged.call(call).toCompletableFuture();
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            call.cancel(true);
            throw interrupted;
        } catch (ExecutionException failed) {
            throw Failures.rethrow(failed.getCause());
        }
    }
}
