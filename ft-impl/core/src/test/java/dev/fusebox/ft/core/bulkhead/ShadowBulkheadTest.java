package dev.fusebox.ft.core.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.ShadowRecorder;
import dev.fusebox.ft.core.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Shadow mode of the bulkheads, in one thread: a call over the limit runs anyway, holding no permit
 * (and, asynchronous, no queue place), and is counted; switching shadow mode off enforces from the
 * next call.
 */
class ShadowBulkheadTest {

    private final ShadowRecorder metrics = new ShadowRecorder();

    @Test
    void aSyncCallOverTheLimitRunsWithoutAPermitAndIsCounted() throws Exception {
        Bulkhead bulkhead = new Bulkhead("sync", 2);
        bulkhead.setShadow(true);
        BulkheadStep step = new BulkheadStep(Invocation::proceed, bulkhead, Rejections.plain(), Ticker.system(),
                metrics);
        int[] inUseSeenByTheThird = {-1};
        Object result = step.call(() -> step.call(() -> step.call(() -> {
            inUseSeenByTheThird[0] = bulkhead.running();
            return "third ran";
        })));
        assertThat(result).isEqualTo("third ran");
        assertThat(inUseSeenByTheThird[0]).as("permits in use while the over-limit call runs").isEqualTo(2);
        assertThat(bulkhead.running()).isZero();
        assertThat(bulkhead.wouldReject()).isEqualTo(1);
        assertThat(metrics.bulkheadShadowed()).isEqualTo(1);
        assertThat(metrics.bulkheadAccepted()).as("the bulkhead's own metric counts the permit holders").isEqualTo(2);
        assertThat(metrics.bulkheadRejected()).isZero();
        assertThat(metrics.durations()).as("only permit holders report the time they held one").isEqualTo(2);
    }

    @Test
    void aSyncBulkheadSwitchedOutOfShadowModeRejectsTheNextCallOverTheLimit() throws Exception {
        Bulkhead bulkhead = new Bulkhead("switched", 1);
        BulkheadStep step = new BulkheadStep(Invocation::proceed, bulkhead, Rejections.plain(), Ticker.system(),
                metrics);
        bulkhead.setShadow(true);
        assertThat(bulkhead.isShadow()).isTrue();
        step.call(() -> {
            assertThat(step.call(() -> "shadowed")).isEqualTo("shadowed");
            bulkhead.setShadow(false);
            assertThatThrownBy(() -> step.call(() -> "rejected")).isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("bulkhead full: switched");
            bulkhead.setShadow(true);
            return step.call(() -> "shadowed again");
        });
        assertThat(bulkhead.isShadow()).isTrue();
        assertThat(bulkhead.wouldReject()).isEqualTo(2);
        assertThat(metrics.bulkheadRejected()).isEqualTo(1);
        assertThat(bulkhead.running()).isZero();
    }

    @Test
    void anAsyncCallFindingNeitherSlotNorQueuePlaceRunsAtOnceHoldingNeither() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("async", 1, 1);
        bulkhead.setShadow(true);
        List<CompletableFuture<Object>> started = new ArrayList<>();
        AsyncBulkheadStep step = new AsyncBulkheadStep(call -> {
            CompletableFuture<Object> stage = new CompletableFuture<>();
            started.add(stage);
            return stage;
        }, bulkhead, Rejections.plain(), Ticker.system(), metrics);
        CompletionStage<Object> first = step.call(new AsyncCall(() -> null));
        CompletionStage<Object> second = step.call(new AsyncCall(() -> null));
        assertThat(started).as("one running, one queued").hasSize(1);
        CompletionStage<Object> third = step.call(new AsyncCall(() -> null));
        assertThat(started).as("the over-limit call started at once").hasSize(2);
        assertThat(bulkhead.running()).isEqualTo(1);
        assertThat(bulkhead.waiting()).isEqualTo(1);
        assertThat(bulkhead.wouldReject()).isEqualTo(1);
        started.get(1).complete("third's value");
        assertThat(third.toCompletableFuture()).isCompletedWithValue("third's value");
        assertThat(bulkhead.running()).as("the third gave back nothing it did not take").isEqualTo(1);
        assertThat(bulkhead.waiting()).isEqualTo(1);
        started.get(0).complete("first's value");
        assertThat(first.toCompletableFuture()).isCompletedWithValue("first's value");
        assertThat(started).as("the queued call started in the freed slot").hasSize(3);
        bulkhead.setShadow(false);
        CompletionStage<Object> fourth = step.call(new AsyncCall(() -> null));
        CompletionStage<Object> fifth = step.call(new AsyncCall(() -> null));
        assertThat(fifth.toCompletableFuture()).as("enforced again: no slot, no queue place")
                .isCompletedExceptionally();
        started.get(2).complete("second's value");
        started.get(3).complete("fourth's value");
        assertThat(second.toCompletableFuture()).isCompletedWithValue("second's value");
        assertThat(fourth.toCompletableFuture()).isCompletedWithValue("fourth's value");
        assertThat(bulkhead.running()).isZero();
        assertThat(bulkhead.waiting()).isZero();
        assertThat(bulkhead.wouldReject()).isEqualTo(1);
        assertThat(metrics.bulkheadShadowed()).isEqualTo(1);
        assertThat(metrics.bulkheadAccepted()).isEqualTo(3);
        assertThat(metrics.bulkheadRejected()).isEqualTo(1);
    }
}
