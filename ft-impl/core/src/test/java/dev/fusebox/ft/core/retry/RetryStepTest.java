package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryStepTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();

    private static ExceptionClassifier retryOn(List<Class<? extends Throwable>> on, List<Class<? extends Throwable>> abort) {
        return new ExceptionClassifier(on, abort);
    }

    private RetryStep step(int maxRetries, long delay, long maxDuration, long jitter) {
        return new RetryStep(invocation -> invocation.proceed(),
                new RetryPolicy(maxRetries, delay, maxDuration, jitter, retryOn(List.of(Exception.class), List.of())), time, time, MethodMetrics.NONE);
    }

    private Invocation failing(Exception failure, int failures) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw failure;
            }
            return "ok after " + attempts.get();
        };
    }

    @Test
    void retriesUntilSuccessWithTheDelayBetweenAttempts() throws Exception {
        assertThat(step(3, 100 * MS, 0, 0).call(failing(new IOException("x"), 2))).isEqualTo("ok after 3");
        assertThat(time.slept()).containsExactly(100 * MS, 100 * MS);
    }

    @Test
    void stopsAfterMaxRetriesWithTheLastFailure() {
        IOException failure = new IOException("down");
        assertThatThrownBy(() -> step(2, 0, 0, 0).call(failing(failure, 10))).isSameAs(failure);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        assertThatThrownBy(() -> step(0, 0, 0, 0).call(failing(new IOException("x"), 10))).isInstanceOf(IOException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void unlimitedRetriesAreBoundedByMaxDuration() {
        assertThatThrownBy(() -> step(-1, 100 * MS, 1000 * MS, 0).call(failing(new IOException("x"), 1_000)))
                .isInstanceOf(IOException.class);
        assertThat(attempts).as("attempts at 0,100,...,900 ms; the next wait would pass 1000 ms").hasValue(10);
    }

    @Test
    void abortOnWinsOverRetryOnAndErrorsAreNotRetriedByDefault() {
        RetryStep step = new RetryStep(invocation -> invocation.proceed(), new RetryPolicy(5, 0, 0, 0,
                retryOn(List.of(Exception.class), List.of(IllegalArgumentException.class))), time, time, MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(failing(new IllegalArgumentException("abort"), 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
        attempts.set(0);
        assertThatThrownBy(() -> step.call(() -> {
            attempts.incrementAndGet();
            throw new AssertionError("an Error");
        })).isInstanceOf(AssertionError.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void jitteredDelaysStayWithinBoundsAndNeverBelowZero() {
        assertThatThrownBy(() -> step(200, 50 * MS, 0, 80 * MS).call(failing(new IOException("x"), 1_000)))
                .isInstanceOf(IOException.class);
        assertThat(time.slept()).hasSize(200).allSatisfy(delay -> assertThat(delay).isBetween(0L, 130 * MS));
        assertThat(time.slept()).as("jitter really varies the delay").anyMatch(d -> d < 50 * MS).anyMatch(d -> d > 50 * MS);
        assertThat(time.slept()).as("negative results are clamped").contains(0L);
    }

    @Test
    void anInterruptDuringTheWaitEndsTheRetries() {
        RetryStep step = new RetryStep(invocation -> invocation.proceed(),
                new RetryPolicy(5, 100 * MS, 0, 0, ExceptionClassifier.all()), time, nanos -> {
                    throw new InterruptedException("cancelled");
                }, MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(failing(new IOException("x"), 10))).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class));
        assertThat(attempts).hasValue(1);
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }

    @Test
    void policyRejectsInvalidValues() {
        assertThatThrownBy(() -> new RetryPolicy(-2, 0, 0, 0, ExceptionClassifier.all())).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> new RetryPolicy(1, -1, 0, 0, ExceptionClassifier.all())).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RetryPolicy(1, 100, 100, 0, ExceptionClassifier.all())).hasMessageContaining("maxDuration");
    }

    @Test
    void asyncRetryWaitsOnTheSchedulerAndStopsWhenCancelled() {
        AsyncRetryStep step = new AsyncRetryStep(call -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("x"));
        }, new RetryPolicy(5, 100 * MS, 0, 0, ExceptionClassifier.all()), time, time, Runnable::run, MethodMetrics.NONE);
        AsyncCall call = new AsyncCall(() -> null);
        CompletableFuture<Object> result = step.call(call).toCompletableFuture();
        assertThat(attempts).hasValue(1);
        time.advance(Duration.ofMillis(99));
        assertThat(attempts).hasValue(1);
        time.advance(Duration.ofMillis(1));
        assertThat(attempts).hasValue(2);
        call.cancel(false);
        time.advance(Duration.ofMillis(1000));
        assertThat(attempts).as("no attempt after cancellation").hasValue(2);
        assertThat(result).isCompletedExceptionally();
    }
}
