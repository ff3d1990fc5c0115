package dev.fusebox.ft.core.hedge;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Cancellation;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Stages;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Hedges an asynchronous call: when its first attempt has not answered after the hedge's delay, a
 * further attempt starts (as the budget allows, up to the policy's number, each a delay after the
 * one before), and the first attempt to succeed answers the call. The others are cancelled with an
 * interrupt at once, so a bulkhead below gives their places back and their threads stop. A failed
 * attempt does not end the call while another is running; the call fails with the last failure
 * when every started attempt failed and no further one is due. Hedging is not a retry: an attempt
 * that fails before the delay fails the call, and no further attempt starts.
 *
 * <p>Implementation notes. One CAS on {@code settled} picks the answer, so exactly one outcome
 * completes the call. {@code outstanding} counts the attempts that have not finished; a hedge
 * about to start counts itself in before it checks {@code settled}, and a failing attempt checks
 * for 0 after counting itself out, so when the last running attempt fails just as a hedge is due,
 * either the hedge sees the call settled (and starts nothing) or the failure sees the hedge
 * counted (and leaves the answer to it). An attempt is published in {@code attempts} before it
 * re-checks {@code settled}; the winner sets {@code settled} before it cancels what it finds
 * there: so every loser is cancelled, by the winner or by itself. Further attempts start on the
 * executor, never on the scheduler's thread. The caller's cancellation cancels the timer and every
 * attempt. Thread-safe; one instance serves every call of a method.
 */
public final class AsyncHedgeStep implements AsyncStep {

    private final AsyncStep next;
    private final Hedge hedge;
    private final Scheduler scheduler;
    private final Executor executor;
    private final Ticker ticker;

    public AsyncHedgeStep(AsyncStep next, Hedge hedge, Scheduler scheduler, Executor executor, Ticker ticker) {
        this.next = next;
        this.hedge = hedge;
        this.scheduler = scheduler;
        this.executor = executor;
        this.ticker = ticker;
    }

    @Override
    public CompletionStage<Object> call(AsyncCall call) {
        Hedged hedged = new Hedged(call);
        hedged.start();
        return hedged.result;
    }

    /** One hedged call: its attempts, the timer of the next, and the answer. */
    private final class Hedged implements Cancellation {

        final AsyncCall call;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final AtomicReferenceArray<AsyncCall> attempts = new AtomicReferenceArray<>(hedge.policy().maxHedges() + 1);
        final AtomicInteger outstanding = new AtomicInteger(1);
        final AtomicBoolean settled = new AtomicBoolean();
        final long start = ticker.nanoTime();
        volatile Scheduler.Scheduled timer;
        volatile Throwable lastFailure;

        Hedged(AsyncCall call) {
            this.call = call;
        }

        void start() {
            call.onCancel(this);
            hedge.firstAttempt(start);
            schedule(1);
            launch(0);
        }

        void schedule(int index) {
            if (index < attempts.length()) {
                timer = scheduler.schedule(() -> executor.execute(() -> hedgeNow(index)), hedge.delayNanos());
            }
        }

        void hedgeNow(int index) {
            outstanding.incrementAndGet();
            if (settled.get() || call.isCancelled() || !hedge.mayHedge(ticker.nanoTime())) {
                if (outstanding.decrementAndGet() == 0) {
                    fail();
                }
                return;
            }
            schedule(index + 1);
            launch(index);
        }

        void launch(int index) {
            AsyncCall attempt = new AsyncCall(call.invocation());
            attempts.set(index, attempt);
            if (settled.get()) {
                attempt.cancel(true);
            }
            Stages.callNext(next, attempt).whenComplete((value, failure) -> finished(index, value, failure));
        }

        void finished(int index, Object value, Throwable failure) {
            if (failure == null) {
                if (settled.compareAndSet(false, true)) {
                    settle(index);
                    if (index > 0) {
                        hedge.hedgeWon();
                    }
                    result.complete(value);
                }
                return;
            }
            lastFailure = failure;
            if (outstanding.decrementAndGet() == 0) {
                fail();
            }
        }

        void fail() {
            if (settled.compareAndSet(false, true)) {
                settle(-1);
                result.completeExceptionally(Failures.unwrap(lastFailure));
            }
        }

        /** After {@code settled} was won: stops the timer, cancels every attempt but the winner, samples the first. */
        void settle(int winner) {
            call.clearOnCancel(this);
            stopAll(winner, true);
            if (winner >= 0) {
                hedge.record(ticker.nanoTime() - start);
            }
        }

        @Override
        public void cancel(boolean interrupt) {
            stopAll(-1, interrupt);
        }

        /** Stops the timer of the next attempt and cancels every attempt started but {@code spare} (-1: none spared). */
        private void stopAll(int spare, boolean interrupt) {
            Scheduler.Scheduled scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel();
            }
            for (int i = 0; i < attempts.length(); i++) {
                AsyncCall attempt = attempts.get(i);
                if (i != spare && attempt != null) {
                    attempt.cancel(interrupt);
                }
            }
        }
    }
}
