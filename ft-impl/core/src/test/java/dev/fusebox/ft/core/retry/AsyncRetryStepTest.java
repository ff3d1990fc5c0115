package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.async.AbandonableTask;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The asynchronous retry waits on the scheduler; virtual time decides when each retry starts. */
class AsyncRetryStepTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();

    private CompletableFuture<Object> run(RetryPolicy policy, AsyncStep next, AsyncCall call) {
        return new AsyncRetryStep(next, policy, time, time, Runnable::run, MethodMetrics.NONE).call(call).toCompletableFuture();
    }

    private CompletableFuture<Object> run(RetryPolicy policy, AsyncStep next) {
        return run(policy, next, new AsyncCall(() -> null));
    }

    private static RetryPolicy policy(int maxRetries, long delay, long maxDuration, long jitter) {
        return new RetryPolicy(maxRetries, delay, maxDuration, jitter, ExceptionClassifier.all());
    }

    /** Fails the first {@code failures} attempts, at once. */
    private AsyncStep failingFirst(int failures) {
        return call -> attempts.incrementAndGet() <= failures
                ? CompletableFuture.failedFuture(new IOException("attempt " + attempts.get()))
                : CompletableFuture.completedFuture("ok after " + attempts.get());
    }

    @Test
    void eachRetryStartsOnlyWhenItsDelayHasPassed() {
        CompletableFuture<Object> result = run(policy(5, 100 * MS, 0, 0), failingFirst(2));
        assertThat(attempts).hasValue(1);
        time.advance(Duration.ofMillis(99));
        assertThat(attempts).hasValue(1);
        time.advance(Duration.ofMillis(1));
        assertThat(attempts).hasValue(2);
        assertThat(result).isNotDone();
        time.advance(Duration.ofMillis(100));
        assertThat(result).isCompletedWithValue("ok after 3");
        assertThat(time.scheduled()).containsExactly(100 * MS, 100 * MS);
    }

    @Test
    void evenAZeroDelayRetryStartsFromTheSchedulerNotOnTheCallersStack() {
        CompletableFuture<Object> result = run(policy(1, 0, 0, 0), failingFirst(1));
        assertThat(attempts).hasValue(1);
        assertThat(result).isNotDone();
        time.runDue();
        assertThat(result).isCompletedWithValue("ok after 2");
    }

    @Test
    void stopsAfterMaxRetriesWithTheLastFailure() {
        CompletableFuture<Object> result = run(policy(2, 10 * MS, 0, 0), failingFirst(100));
        time.advance(Duration.ofSeconds(1));
        assertThat(attempts).hasValue(3);
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).cause().hasMessage("attempt 3");
        assertThat(time.pending()).isZero();
    }

    @Test
    void zeroRetriesMeansOneAttemptAndNothingScheduled() {
        CompletableFuture<Object> result = run(policy(0, 10 * MS, 0, 0), failingFirst(1));
        assertThat(attempts).hasValue(1);
        assertThatThrownBy(result::join).cause().hasMessage("attempt 1");
        assertThat(time.scheduled()).isEmpty();
    }

    @Test
    void abortOnAndFailuresOutsideRetryOnEndAtOnce() {
        RetryPolicy policy = new RetryPolicy(5, 10 * MS, 0, 0,
                new ExceptionClassifier(List.of(Exception.class), List.of(IllegalArgumentException.class)));
        CompletableFuture<Object> aborted = run(policy, call -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalArgumentException("abort"));
        });
        CompletableFuture<Object> error = run(policy, call -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new AssertionError("an Error is not an Exception"));
        });
        assertThat(attempts).hasValue(2);
        assertThat(aborted).isCompletedExceptionally();
        assertThat(error).isCompletedExceptionally();
        assertThat(time.pending()).isZero();
    }

    @Test
    void unlimitedRetriesAreBoundedByMaxDuration() {
        CompletableFuture<Object> result = run(policy(-1, 100 * MS, 1000 * MS, 0), failingFirst(1_000));
        time.advance(Duration.ofSeconds(10));
        assertThat(attempts).hasValue(10);
        assertThat(result).isCompletedExceptionally();
    }

    @Test
    void jitteredDelaysHandedToTheSchedulerStayWithinBounds() {
        CompletableFuture<Object> result = run(policy(200, 100 * MS, 0, 40 * MS), failingFirst(1_000));
        time.advance(Duration.ofSeconds(60));
        assertThat(result).isCompletedExceptionally();
        assertThat(time.scheduled()).hasSize(200).allSatisfy(d -> assertThat(d).isBetween(60 * MS, 140 * MS));
    }

    @Test
    void manyRetriesDoNotGrowTheStack() {
        CompletableFuture<Object> result = run(policy(-1, 0, 0, 0), failingFirst(20_000));
        time.runDue();
        assertThat(result).isCompletedWithValue("ok after 20001");
    }

    @Test
    void aFailureThrownByTheChainInsteadOfReturnedIsRetriedLikeAnother() {
        CompletableFuture<Object> result = run(policy(3, 0, 0, 0), call -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("thrown");
            }
            return CompletableFuture.completedFuture("second");
        });
        time.runDue();
        assertThat(result).isCompletedWithValue("second");
    }

    @Test
    void aCallCancelledDuringAnAttemptStartsNoRetry() {
        AsyncCall call = new AsyncCall(() -> null);
        CompletableFuture<Object> attempt = new CompletableFuture<>();
        CompletableFuture<Object> result = run(policy(5, 10 * MS, 0, 0), c -> {
            attempts.incrementAndGet();
            return attempt;
        }, call);
        call.cancel(false);
        attempt.completeExceptionally(new IOException("failed after the cancel"));
        assertThat(result).isCompletedExceptionally();
        assertThat(time.pending()).as("no retry was scheduled").isZero();
        time.advance(Duration.ofSeconds(1));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aCallCancelledDuringTheWaitStartsNoFurtherAttempt() {
        AsyncCall call = new AsyncCall(() -> null);
        CompletableFuture<Object> result = run(policy(5, 100 * MS, 0, 0), failingFirst(100), call);
        time.advance(Duration.ofMillis(50));
        call.cancel(true);
        time.advance(Duration.ofMillis(50));
        assertThat(attempts).hasValue(1);
        assertThatThrownBy(result::join).cause().isInstanceOf(IOException.class).hasMessage("attempt 1");
    }

    @Test
    void aRetryTheSchedulerDropsFailsTheCallWithTheReason() {
        Scheduler dropping = (task, delay) -> {
            ((AbandonableTask) task).abandon(new RejectedExecutionException("scheduler shut down"));
            return () -> { };
        };
        CompletableFuture<Object> result = new AsyncRetryStep(failingFirst(5), policy(5, 0, 0, 0), time, dropping, Runnable::run,
                MethodMetrics.NONE).call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThatThrownBy(result::join).cause().isInstanceOf(RejectedExecutionException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(IOException.class));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theDelayOnlyHandsTheNextAttemptToTheExecutor() {
        List<Runnable> handedOff = new ArrayList<>();
        CompletableFuture<Object> result = new AsyncRetryStep(failingFirst(1), policy(5, 100 * MS, 0, 0), time, time,
                handedOff::add, MethodMetrics.NONE).call(new AsyncCall(() -> null)).toCompletableFuture();
        time.advance(Duration.ofMillis(100));
        assertThat(attempts).as("the scheduler's task did not start the attempt itself").hasValue(1);
        assertThat(handedOff).hasSize(1);
        handedOff.get(0).run();
        assertThat(attempts).hasValue(2);
        assertThat(result).isCompletedWithValue("ok after 2");
    }

    @Test
    void aRetryTheExecutorRefusesFailsTheCallWithTheReason() {
        CompletableFuture<Object> result = new AsyncRetryStep(failingFirst(5), policy(5, 0, 0, 0), time, time, task -> {
            throw new RejectedExecutionException("pool shut down");
        }, MethodMetrics.NONE).call(new AsyncCall(() -> null)).toCompletableFuture();
        time.runDue();
        assertThatThrownBy(result::join).cause().isInstanceOf(RejectedExecutionException.class)
                .hasMessage("pool shut down")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(IOException.class));
        assertThat(attempts).hasValue(1);
    }
}
