package dev.fusebox.ft.core.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Slots, queue places and their release, on the engines and through the steps. */
class BulkheadLimitsTest {

    private final VirtualTime time = new VirtualTime();
    private final List<String> started = new ArrayList<>();

    private BulkheadStep syncStep(Bulkhead bulkhead) {
        return new BulkheadStep(invocation -> invocation.proceed(), bulkhead, Rejections.plain(), time, MethodMetrics.NONE);
    }

    private AsyncBulkheadStep asyncStep(AsyncBulkhead bulkhead, AsyncStep next) {
        return new AsyncBulkheadStep(next, bulkhead, Rejections.plain(), time, MethodMetrics.NONE);
    }

    private Runnable task(String name) {
        return () -> started.add(name);
    }

    @Test
    void syncCallsUpToTheLimitRunTogetherAndTheNextIsRejected() throws Exception {
        Bulkhead bulkhead = new Bulkhead("two", 2);
        BulkheadStep step = syncStep(bulkhead);
        Object result = step.call(() -> step.call(() -> {
            assertThat(bulkhead.running()).isEqualTo(2);
            assertThatThrownBy(() -> step.call(() -> "third")).isInstanceOf(RejectedExecutionException.class);
            assertThat(bulkhead.running()).as("a rejection takes no slot").isEqualTo(2);
            return "inner";
        }));
        assertThat(result).isEqualTo("inner");
        assertThat(bulkhead.running()).isZero();
    }

    @Test
    void syncSlotIsGivenBackAfterAnErrorAndACheckedException() {
        Bulkhead bulkhead = new Bulkhead("one", 1);
        BulkheadStep step = syncStep(bulkhead);
        assertThatThrownBy(() -> step.call(() -> {
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> step.call(() -> {
            throw new IOException("checked");
        })).isInstanceOf(IOException.class);
        assertThat(bulkhead.running()).isZero();
    }

    @Test
    void queuedTasksStartInArrivalOrderOneReleaseAtATime() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("fifo", 1, 3);
        assertThat(bulkhead.submit(task("a"))).isTrue();
        assertThat(bulkhead.submit(task("b"))).isTrue();
        assertThat(bulkhead.submit(task("c"))).isTrue();
        assertThat(bulkhead.submit(task("d"))).isTrue();
        assertThat(bulkhead.submit(task("e"))).as("slot and three places taken").isFalse();
        assertThat(started).containsExactly("a");
        bulkhead.release();
        assertThat(started).containsExactly("a", "b");
        assertThat(bulkhead.running()).isEqualTo(1);
        assertThat(bulkhead.waiting()).isEqualTo(2);
        bulkhead.release();
        bulkhead.release();
        assertThat(started).containsExactly("a", "b", "c", "d");
        bulkhead.release();
        assertThat(bulkhead.running()).isZero();
        assertThat(bulkhead.waiting()).isZero();
    }

    @Test
    void aWithdrawnTaskFreesItsPlaceAndIsSkipped() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("withdraw", 1, 2);
        Runnable b = task("b");
        bulkhead.submit(task("a"));
        bulkhead.submit(b);
        bulkhead.submit(task("c"));
        assertThat(bulkhead.withdraw(b)).isTrue();
        assertThat(bulkhead.withdraw(b)).as("only once").isFalse();
        assertThat(bulkhead.waiting()).isEqualTo(1);
        assertThat(bulkhead.submit(task("d"))).as("the freed place is usable").isTrue();
        bulkhead.release();
        bulkhead.release();
        assertThat(started).containsExactly("a", "c", "d");
        assertThat(bulkhead.withdraw(b)).isFalse();
    }

    @Test
    void aZeroQueueRejectsAsSoonAsTheSlotsAreTaken() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("noqueue", 1, 0);
        assertThat(bulkhead.submit(task("a"))).isTrue();
        assertThat(bulkhead.submit(task("b"))).isFalse();
        assertThat(bulkhead.waiting()).isZero();
        bulkhead.release();
        assertThat(bulkhead.submit(task("c"))).isTrue();
        assertThat(started).containsExactly("a", "c");
    }

    @Test
    void releasingMoreOftenThanAcquiringIsRefusedAndCountsNeverGoNegative() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("strict", 2, 1);
        assertThatThrownBy(bulkhead::release).isInstanceOf(IllegalStateException.class);
        assertThat(bulkhead.running()).isZero();
        Permits permits = new Permits(2);
        assertThat(permits.tryAcquire()).isTrue();
        assertThat(permits.tryAcquire()).isTrue();
        assertThat(permits.tryAcquire()).isFalse();
        permits.release();
        permits.release();
        assertThatThrownBy(permits::release).hasMessageContaining("released more often than acquired");
        assertThat(permits.used()).isZero();
    }

    @Test
    void aCallWhoseChainFailsOrThrowsGivesItsSlotToTheNextQueuedCall() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("failing", 1, 2);
        CompletableFuture<Object> running = new CompletableFuture<>();
        List<String> reached = new ArrayList<>();
        CompletionStage<Object> first = asyncStep(bulkhead, c -> {
            reached.add("first");
            return running;
        }).call(new AsyncCall(() -> null));
        CompletionStage<Object> second = asyncStep(bulkhead, c -> {
            reached.add("second");
            throw new IllegalStateException("thrown, not returned");
        }).call(new AsyncCall(() -> null));
        CompletionStage<Object> third = asyncStep(bulkhead, c -> {
            reached.add("third");
            return CompletableFuture.completedFuture("three");
        }).call(new AsyncCall(() -> null));
        assertThat(reached).containsExactly("first");

        running.completeExceptionally(new IOException("first failed"));
        assertThat(reached).containsExactly("first", "second", "third");
        assertThatThrownBy(() -> first.toCompletableFuture().join()).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> second.toCompletableFuture().join()).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(third.toCompletableFuture().join()).isEqualTo("three");
        assertThat(bulkhead.running()).isZero();
        assertThat(bulkhead.waiting()).isZero();
    }

    @Test
    void aRejectedAsyncCallTakesNoPlaceAndFailsWithTheRejection() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("full", 1, 1);
        AsyncBulkheadStep step = asyncStep(bulkhead, c -> new CompletableFuture<>());
        step.call(new AsyncCall(() -> null));
        step.call(new AsyncCall(() -> null));
        CompletionStage<Object> rejected = step.call(new AsyncCall(() -> null));
        assertThatThrownBy(() -> rejected.toCompletableFuture().join())
                .hasCauseInstanceOf(RejectedExecutionException.class).hasMessageContaining("bulkhead full: full");
        assertThat(bulkhead.running()).isEqualTo(1);
        assertThat(bulkhead.waiting()).isEqualTo(1);
    }

    @Test
    void aQueuedCallCancelledWithInterruptLeavesTheQueueAndTheNextOneStarts() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("cancel", 1, 2);
        CompletableFuture<Object> running = new CompletableFuture<>();
        List<String> reached = new ArrayList<>();
        asyncStep(bulkhead, c -> running).call(new AsyncCall(() -> null));
        AsyncCall cancelled = new AsyncCall(() -> null);
        CompletionStage<Object> cancelledResult = asyncStep(bulkhead, c -> {
            reached.add("cancelled");
            return new CompletableFuture<>();
        }).call(cancelled);
        asyncStep(bulkhead, c -> {
            reached.add("live");
            return new CompletableFuture<>();
        }).call(new AsyncCall(() -> null));
        cancelled.cancel(true);
        assertThat(cancelledResult.toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(() -> cancelledResult.toCompletableFuture().join()).isInstanceOf(CancellationException.class);
        assertThat(bulkhead.waiting()).isEqualTo(1);
        running.complete("done");
        assertThat(reached).containsExactly("live");
        assertThat(bulkhead.running()).isEqualTo(1);
        assertThat(bulkhead.waiting()).isZero();
    }

    @Test
    void aCallCancelledBeforeItReachesTheBulkheadNeverRunsAndHoldsNothing() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("early", 1, 1);
        AsyncCall call = new AsyncCall(() -> null);
        call.cancel(false);
        CompletionStage<Object> result = asyncStep(bulkhead, c -> {
            started.add("ran");
            return CompletableFuture.completedFuture("x");
        }).call(call);
        assertThat(started).isEmpty();
        assertThatThrownBy(() -> result.toCompletableFuture().join()).isInstanceOf(CancellationException.class);
        assertThat(bulkhead.running()).isZero();
        assertThat(bulkhead.waiting()).isZero();
    }
}
