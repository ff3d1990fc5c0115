package dev.fusebox.ft.core.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.AsyncBulkheadStep;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AsyncTimeoutStepTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final List<String> cancellations = new ArrayList<>();

    private CompletableFuture<Object> run(AsyncStep next, AsyncCall call) {
        return new AsyncTimeoutStep(next, "async", SECOND, time, Rejections.plain(), time, MethodMetrics.NONE)
                .call(call).toCompletableFuture();
    }

    /** The rest of the chain: a stage the test completes, with the attempt's cancellation observed. */
    private AsyncStep pending(CompletableFuture<Object> stage) {
        return attempt -> {
            attempt.onCancel(interrupt -> cancellations.add("cancelled, interrupt=" + interrupt));
            return stage;
        };
    }

    @Test
    void anOutcomeBeforeTheDeadlineIsPassedOnAndTheTimerCancelled() {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        CompletableFuture<Object> result = run(pending(stage), new AsyncCall(() -> null));
        time.advance(Duration.ofMillis(999));
        stage.complete("in time");
        assertThat(result).isCompletedWithValue("in time");
        assertThat(time.pending()).isZero();
        time.advance(Duration.ofSeconds(5));
        assertThat(cancellations).isEmpty();
    }

    @Test
    void aFailureBeforeTheDeadlineIsPassedOnUnwrapped() {
        IOException failure = new IOException("own");
        CompletableFuture<Object> result = run(c -> CompletableFuture.failedFuture(new CompletionException(failure)),
                new AsyncCall(() -> null));
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).cause().isSameAs(failure);
    }

    @Test
    void atTheDeadlineTheAttemptIsCancelledWithInterruptAndALaterOutcomeIsIgnored() {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        CompletableFuture<Object> result = run(pending(stage), new AsyncCall(() -> null));
        time.advance(Duration.ofNanos(SECOND - 1));
        assertThat(result).isNotDone();
        time.advance(Duration.ofNanos(1));
        assertThat(cancellations).containsExactly("cancelled, interrupt=true");
        assertThatThrownBy(result::join).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("timed out after 1000000000 ns: async");
        stage.complete("too late");
        assertThatThrownBy(result::join).cause().hasMessageContaining("timed out");
    }

    @Test
    void cancellingTheCallCancelsTheRunningAttempt() {
        AsyncCall call = new AsyncCall(() -> null);
        run(pending(new CompletableFuture<>()), call);
        call.cancel(true);
        assertThat(cancellations).containsExactly("cancelled, interrupt=true");
    }

    @Test
    void aCallTimedOutWhileQueuedInABulkheadHasLeftTheQueueWhenTheCallerSeesTheTimeout() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("queue", 1, 1);
        List<String> started = new ArrayList<>();
        AsyncStep inBulkhead = new AsyncBulkheadStep(c -> {
            started.add("started");
            return new CompletableFuture<>();
        }, bulkhead, Rejections.plain(), time, MethodMetrics.NONE);
        run(inBulkhead, new AsyncCall(() -> null));
        time.advance(Duration.ofMillis(500));
        CompletableFuture<Object> queued = run(inBulkhead, new AsyncCall(() -> null));
        assertThat(bulkhead.waiting()).isEqualTo(1);
        List<Integer> waitingSeenByCaller = new ArrayList<>();
        queued.whenComplete((v, e) -> waitingSeenByCaller.add(bulkhead.waiting()));
        time.advance(Duration.ofMillis(1000));
        assertThat(queued).isCompletedExceptionally();
        assertThat(waitingSeenByCaller).containsExactly(0);
        assertThat(started).as("the queued call never started").containsExactly("started");
    }
}
