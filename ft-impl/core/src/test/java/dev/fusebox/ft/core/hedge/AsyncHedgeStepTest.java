package dev.fusebox.ft.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.AsyncBulkheadStep;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryBudget;
import dev.fusebox.ft.core.retry.RetryBudgetPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Hedging in virtual time: each attempt is a stage the test completes, and an attempt cancelled
 * with an interrupt fails the way an interrupted method would. Further attempts start on a direct
 * executor.
 */
class AsyncHedgeStepTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    /** The stage of each attempt started, in order. */
    private final List<CompletableFuture<Object>> attempts = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();

    private final AsyncStep method = attempt -> {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        int index = attempts.size();
        attempts.add(stage);
        attempt.onCancel(interrupt -> {
            cancelled.add(index + (interrupt ? " interrupted" : " cancelled"));
            stage.completeExceptionally(new CancellationException("interrupted"));
        });
        return stage;
    };

    private Hedge hedge(int maxHedges, RetryAllowance budget) {
        return new Hedge("hedged", new HedgePolicy(100 * MS, maxHedges, 0), budget);
    }

    private CompletableFuture<Object> call(Hedge hedge, AsyncStep next, AsyncCall call) {
        return new AsyncHedgeStep(next, hedge, time, Runnable::run, time).call(call).toCompletableFuture();
    }

    private CompletableFuture<Object> call(Hedge hedge) {
        return call(hedge, method, new AsyncCall(() -> null));
    }

    @Test
    void aFirstAttemptThatAnswersBeforeTheDelayStartsNoHedge() {
        Hedge hedge = hedge(1, RetryAllowance.UNLIMITED);
        CompletableFuture<Object> result = call(hedge);
        time.advance(Duration.ofMillis(99));
        attempts.get(0).complete("first");
        assertThat(result).isCompletedWithValue("first");
        assertThat(time.pending()).as("the hedge's timer cancelled").isZero();
        assertThat(attempts).hasSize(1);
        assertThat(hedge.hedgesStarted()).isZero();
    }

    @Test
    void aHedgeThatAnswersFirstWinsAndTheFirstAttemptIsInterrupted() {
        Hedge hedge = hedge(1, RetryAllowance.UNLIMITED);
        CompletableFuture<Object> result = call(hedge);
        time.advance(Duration.ofMillis(100));
        assertThat(attempts).as("the hedge started at the delay").hasSize(2);
        attempts.get(1).complete("hedge");
        assertThat(result).isCompletedWithValue("hedge");
        assertThat(cancelled).containsExactly("0 interrupted");
        assertThat(hedge.hedgesStarted()).isEqualTo(1);
        assertThat(hedge.hedgesWon()).isEqualTo(1);
        attempts.get(0).complete("late");
        assertThat(result.join()).isEqualTo("hedge");
    }

    @Test
    void theFirstAttemptWinningInterruptsTheHedge() {
        Hedge hedge = hedge(2, RetryAllowance.UNLIMITED);
        CompletableFuture<Object> result = call(hedge);
        time.advance(Duration.ofMillis(100));
        attempts.get(0).complete("first");
        assertThat(result).isCompletedWithValue("first");
        assertThat(cancelled).containsExactly("1 interrupted");
        time.advance(Duration.ofMillis(500));
        assertThat(attempts).as("no second hedge after the answer").hasSize(2);
        assertThat(hedge.hedgesWon()).isZero();
    }

    @Test
    void hedgesStartADelayApartUpToTheirNumber() {
        Hedge hedge = hedge(2, RetryAllowance.UNLIMITED);
        CompletableFuture<Object> result = call(hedge);
        time.advance(Duration.ofMillis(100));
        time.advance(Duration.ofMillis(100));
        time.advance(Duration.ofMillis(500));
        assertThat(attempts).hasSize(3);
        attempts.get(2).complete("second hedge");
        assertThat(result).isCompletedWithValue("second hedge");
        assertThat(cancelled).containsExactlyInAnyOrder("0 interrupted", "1 interrupted");
    }

    @Test
    void aFailedAttemptWaitsForTheOthersAndTheLastFailureEndsTheCall() {
        Hedge hedge = hedge(1, RetryAllowance.UNLIMITED);
        CompletableFuture<Object> result = call(hedge);
        time.advance(Duration.ofMillis(100));
        attempts.get(0).completeExceptionally(new IOException("first"));
        assertThat(result).as("the hedge still runs").isNotDone();
        IOException last = new IOException("hedge");
        attempts.get(1).completeExceptionally(last);
        assertThatThrownBy(result::join).cause().isSameAs(last);
    }

    @Test
    void aFirstAttemptThatFailsBeforeTheDelayFailsTheCallAndNoHedgeStarts() {
        Hedge hedge = hedge(1, RetryAllowance.UNLIMITED);
        CompletableFuture<Object> result = call(hedge);
        IOException failure = new IOException("fast failure");
        attempts.get(0).completeExceptionally(failure);
        assertThatThrownBy(result::join).cause().isSameAs(failure);
        time.advance(Duration.ofSeconds(1));
        assertThat(attempts).hasSize(1);
    }

    @Test
    void theBudgetCapsTheHedges() {
        // no reserve, a tenth of a hedge per call: the tenth call's hedge is the first one allowed
        Hedge hedge = hedge(1, new RetryBudget(new RetryBudgetPolicy(0.1, 10_000 * MS, 0), time.nanoTime()));
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(call(hedge));
            time.advance(Duration.ofMillis(100));
        }
        assertThat(hedge.hedgesRefused()).isEqualTo(9);
        assertThat(hedge.hedgesStarted()).isEqualTo(1);
        assertThat(attempts).hasSize(11);
        attempts.forEach(stage -> stage.complete("ok"));
        assertThat(results).allSatisfy(result -> assertThat(result).isCompletedWithValue("ok"));
    }

    @Test
    void theLosersBulkheadPlaceIsGivenBack() {
        AsyncBulkhead bulkhead = new AsyncBulkhead("below", 2, 0);
        AsyncStep inBulkhead = new AsyncBulkheadStep(method, bulkhead, Rejections.plain(), time, MethodMetrics.NONE);
        CompletableFuture<Object> result = call(hedge(1, RetryAllowance.UNLIMITED), inBulkhead, new AsyncCall(() -> null));
        time.advance(Duration.ofMillis(100));
        assertThat(bulkhead.running()).isEqualTo(2);
        attempts.get(1).complete("hedge");
        assertThat(result).isCompletedWithValue("hedge");
        assertThat(cancelled).containsExactly("0 interrupted");
        assertThat(bulkhead.running()).as("both places back").isZero();
    }

    @Test
    void cancellingTheCallCancelsEveryAttemptAndTheTimer() {
        AsyncCall call = new AsyncCall(() -> null);
        call(hedge(2, RetryAllowance.UNLIMITED), method, call);
        time.advance(Duration.ofMillis(100));
        call.cancel(true);
        assertThat(cancelled).containsExactlyInAnyOrder("0 interrupted", "1 interrupted");
        time.advance(Duration.ofSeconds(1));
        assertThat(attempts).as("no hedge after the cancellation").hasSize(2);
    }

    @Test
    void aPercentileDelayFollowsTheFirstAttemptsLatencies() {
        Hedge hedge = new Hedge("p90", new HedgePolicy(100 * MS, 1, 0.9), RetryAllowance.UNLIMITED);
        for (int i = 1; i <= Hedge.MIN_SAMPLES; i++) {
            assertThat(hedge.delayNanos()).as("fixed until enough samples").isEqualTo(100 * MS);
            CompletableFuture<Object> result = call(hedge);
            time.advance(Duration.ofMillis(i % 10 == 0 ? 90 : 10));
            attempts.get(attempts.size() - 1).complete("ok");
            assertThat(result).isDone();
        }
        // 32 latencies: 29 of 10 ms and 3 of 90 ms; the 90th percentile is the 29th smallest
        assertThat(hedge.delayNanos()).isEqualTo(10 * MS);
    }

    @Test
    void badPoliciesAreRefusedWithTheirBounds() {
        assertThatThrownBy(() -> new HedgePolicy(999_999, 1, 0)).hasMessageContaining("from 1 ms to 1 hour");
        assertThatThrownBy(() -> new HedgePolicy(MS, 5, 0)).hasMessageContaining("maxHedges must be from 1 to 4");
        assertThatThrownBy(() -> new HedgePolicy(MS, 1, 0.4)).hasMessageContaining("0.5 to 0.999");
    }
}
