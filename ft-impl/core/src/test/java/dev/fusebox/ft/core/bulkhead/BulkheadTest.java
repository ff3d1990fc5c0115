package dev.fusebox.ft.core.bulkhead;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Ticker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Rejections;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    @Test
    void syncBulkheadRejectsBeyondItsLimitAndReleasesOnFailure() throws Exception {
        Bulkhead bulkhead = new Bulkhead("sync", 1);
        BulkheadStep step = new BulkheadStep(invocation -> invocation.proceed(), bulkhead, Rejections.plain(),
                Ticker.system(), MethodMetrics.NONE);
        Object inner = step.call(() -> {
            assertThat(bulkhead.running()).isEqualTo(1);
            assertThatThrownBy(() -> step.call(() -> "second")).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("bulkhead full: sync");
            return "first";
        });
        assertThat(inner).isEqualTo("first");
        assertThatThrownBy(() -> step.call(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(bulkhead.running()).as("released after a failure").isZero();
    }

    @Test
    void permitsNeverGoNegative() {
        Permits permits = new Permits(1);
        assertThatThrownBy(permits::release).isInstanceOf(IllegalStateException.class);
        assertThat(permits.used()).isZero();
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new Bulkhead("x", 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new AsyncBulkhead("x", 1, -1)).hasMessageContaining("waitingTaskQueue");
    }

    /** The rest of an asynchronous chain, completed by the test. */
    private static final class Held implements AsyncStep {
        final List<CompletableFuture<Object>> started = new ArrayList<>();

        @Override
        public synchronized CompletionStage<Object> call(AsyncCall call) {
            CompletableFuture<Object> stage = new CompletableFuture<>();
            started.add(stage);
            return stage;
        }

        synchronized int count() {
            return started.size();
        }
    }

    @Test
    void asyncBulkheadRunsQueuesInOrderThenRejects() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("async", 1, 2);
        Held held = new Held();
        AsyncBulkheadStep step = new AsyncBulkheadStep(held, bulkhead, Rejections.plain(), Ticker.system(),
                MethodMetrics.NONE);
        CompletionStage<Object> first = step.call(new AsyncCall(() -> null));
        CompletionStage<Object> second = step.call(new AsyncCall(() -> null));
        CompletionStage<Object> third = step.call(new AsyncCall(() -> null));
        CompletionStage<Object> fourth = step.call(new AsyncCall(() -> null));
        assertThat(held.count()).isEqualTo(1);
        assertThat(bulkhead.running()).isEqualTo(1);
        assertThat(bulkhead.waiting()).isEqualTo(2);
        assertThat(fourth.toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(() -> fourth.toCompletableFuture().join()).hasCauseInstanceOf(RejectedExecutionException.class);

        held.started.get(0).complete("one");
        assertThat(first.toCompletableFuture().join()).isEqualTo("one");
        assertThat(held.count()).as("the first queued call starts on release").isEqualTo(2);
        held.started.get(1).complete("two");
        held.started.get(2).complete("three");
        assertThat(second.toCompletableFuture().join()).isEqualTo("two");
        assertThat(third.toCompletableFuture().join()).isEqualTo("three");
        assertThat(bulkhead.running()).isZero();
        assertThat(bulkhead.waiting()).isZero();
    }

    @Test
    void aCallCancelledWhileQueuedLeavesTheQueueAndNeverStarts() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("async", 1, 1);
        Held held = new Held();
        AsyncBulkheadStep step = new AsyncBulkheadStep(held, bulkhead, Rejections.plain(), Ticker.system(),
                MethodMetrics.NONE);
        step.call(new AsyncCall(() -> null));
        AsyncCall queued = new AsyncCall(() -> null);
        CompletionStage<Object> queuedResult = step.call(queued);
        assertThat(bulkhead.waiting()).isEqualTo(1);
        queued.cancel(false);
        assertThat(bulkhead.waiting()).as("its queue place is free at once").isZero();
        assertThatThrownBy(() -> queuedResult.toCompletableFuture().join()).isInstanceOf(CancellationException.class);
        assertThat(step.call(new AsyncCall(() -> null)).toCompletableFuture()).as("the freed place is usable").isNotDone();
        held.started.get(0).complete("done");
        assertThat(held.count()).as("only the live queued call started").isEqualTo(2);
    }

    @Test
    void aRunningCallCancelledWithoutInterruptKeepsItsSlot() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("async", 1, 1);
        Held held = new Held();
        AsyncBulkheadStep step = new AsyncBulkheadStep(held, bulkhead, Rejections.plain(), Ticker.system(),
                MethodMetrics.NONE);
        AsyncCall running = new AsyncCall(() -> null);
        step.call(running);
        step.call(new AsyncCall(() -> null));
        running.cancel(false);
        assertThat(bulkhead.running()).isEqualTo(1);
        assertThat(held.count()).isEqualTo(1);
    }
}
