package dev.fusebox.ft.core.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Rejections;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The adaptive bulkhead's two steps in virtual time: a call without a place is rejected as by a
 * full bulkhead; an admitted call gives its place back exactly once and is sampled by its outcome
 * (a success as a sample, a cut-short failure as a drop, any other failure not at all).
 */
class AdaptiveBulkheadStepTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    /** AIMD with a ratio of 0.5, windows of 1 s closing on their first sample. */
    private final AdaptiveLimit limit = new AdaptiveLimit("adaptive",
            new AdaptiveLimitPolicy(new AimdAlgorithm(0.5, 1_000 * MS), 2, 1, 10, 1_000 * MS, 1, 0.5), time.nanoTime());

    private AdaptiveBulkheadStep sync(dev.fusebox.ft.core.invocation.SyncStep next, Priority priority) {
        return new AdaptiveBulkheadStep(next, limit, priority, AdaptiveBulkheadStep.CUT_SHORT, Rejections.plain(), time);
    }

    @Test
    void aCallWithoutAPlaceIsRejectedAsByAFullBulkhead() throws Exception {
        limit.tryAcquire(Priority.LIVE);
        assertThatThrownBy(() -> sync(invocation -> "ok", Priority.BATCH).call(() -> null))
                .as("batch: only the live reserve is left").isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("adaptive");
        assertThat(sync(invocation -> "ok", Priority.LIVE).call(() -> null)).isEqualTo("ok");
        assertThat(limit.inflight()).isEqualTo(1);
    }

    @Test
    void aSuccessIsSampledAndItsPlaceGivenBack() throws Exception {
        time.advance(Duration.ofSeconds(1));
        Object result = sync(invocation -> {
            time.advance(Duration.ofMillis(30));
            return "ok";
        }, Priority.LIVE).call(() -> null);
        assertThat(result).isEqualTo("ok");
        assertThat(limit.inflight()).isZero();
        assertThat(limit.estimate().windows()).as("the sample closed the window").isEqualTo(1);
        assertThat(limit.limit()).as("a busy window with no drop adds one").isEqualTo(3);
    }

    @Test
    void aCutShortCallIsADropAndAnyOtherFailureIsNoSample() {
        time.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> sync(invocation -> {
            throw new IOException("bad request");
        }, Priority.LIVE).call(() -> null)).isInstanceOf(IOException.class);
        assertThat(limit.inflight()).isZero();
        assertThat(limit.estimate().windows()).as("no sample, so the window stays open").isZero();

        assertThatThrownBy(() -> sync(invocation -> {
            throw new InterruptedException("timed out by the step outside");
        }, Priority.LIVE).call(() -> null)).isInstanceOf(InterruptedException.class);
        assertThat(limit.inflight()).isZero();
        assertThat(limit.limit()).as("a drop halves the limit").isEqualTo(1);
    }

    @Test
    void theAsyncStepGivesThePlaceBackWhenTheStageCompletesACancellationAsADrop() {
        time.advance(Duration.ofSeconds(1));
        CompletableFuture<Object> stage = new CompletableFuture<>();
        AsyncAdaptiveBulkheadStep step = new AsyncAdaptiveBulkheadStep(call -> stage, limit, Priority.LIVE,
                AdaptiveBulkheadStep.CUT_SHORT, Rejections.plain(), time);
        CompletableFuture<Object> result = step.call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(limit.inflight()).isEqualTo(1);
        CompletableFuture<Object> second = step.call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(limit.inflight()).isEqualTo(2);
        CompletableFuture<Object> third = step.call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(third).as("no queue: refused at once").isCompletedExceptionally();
        assertThatThrownBy(third::join).cause().isInstanceOf(RejectedExecutionException.class);

        stage.completeExceptionally(new CancellationException("cut by a timeout"));
        assertThat(result).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        assertThat(limit.inflight()).isZero();
        assertThat(limit.limit()).isEqualTo(1);
    }

    @Test
    void theJdksCutShortFailuresAreDrops() {
        assertThat(AdaptiveBulkheadStep.CUT_SHORT).accepts(new TimeoutException(), new InterruptedException(),
                new java.io.InterruptedIOException(), new CancellationException());
        assertThat(AdaptiveBulkheadStep.CUT_SHORT).rejects(new IOException(), new IllegalStateException());
    }
}
