package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Exponential and Fibonacci waits without jitter: exact sequences, caps, saturation, maxDuration. */
class BackoffSequenceTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();

    private static RetryPolicy policy(int maxRetries, long delay, long maxDuration, Backoff backoff) {
        return new RetryPolicy(maxRetries, delay, maxDuration, 0, ExceptionClassifier.all()).withBackoff(backoff);
    }

    private static List<Long> firstWaits(RetryPolicy policy, int count) {
        RetryDelays delays = policy.backoff().start(policy);
        SplittableRandom random = new SplittableRandom(1);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(delays.nextDelayNanos(new IOException("x"), random));
        }
        return waits;
    }

    @Test
    void exponentialMultipliesByTheFactorUpToTheCap() {
        assertThat(firstWaits(policy(-1, 100, 0, new ExponentialBackoff(2, 1000, Jitter.NONE)), 7))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
        assertThat(firstWaits(policy(-1, 100, 0, new ExponentialBackoff(3, 0, Jitter.NONE)), 5))
                .as("no cap").containsExactly(100L, 300L, 900L, 2700L, 8100L);
        assertThat(firstWaits(policy(-1, 100, 0, new ExponentialBackoff(1, 0, Jitter.NONE)), 3))
                .as("factor 1 is constant").containsExactly(100L, 100L, 100L);
    }

    @Test
    void fibonacciAddsTheTwoWaitsBeforeUpToTheCap() {
        assertThat(firstWaits(policy(-1, 100, 0, new FibonacciBackoff(0, Jitter.NONE)), 8))
                .containsExactly(100L, 200L, 300L, 500L, 800L, 1300L, 2100L, 3400L);
        assertThat(firstWaits(policy(-1, 100, 0, new FibonacciBackoff(2000, Jitter.NONE)), 8))
                .containsExactly(100L, 200L, 300L, 500L, 800L, 1300L, 2000L, 2000L);
    }

    @Test
    void unlimitedGrowthSaturatesAtTheLargestWaitInsteadOfOverflowing() {
        for (Backoff backoff : List.of(new ExponentialBackoff(10, 0, Jitter.NONE), new ExponentialBackoff(Integer.MAX_VALUE, 0,
                Jitter.NONE), new FibonacciBackoff(0, Jitter.NONE))) {
            List<Long> waits = firstWaits(policy(-1, 7 * MS, 0, backoff), 200);
            assertThat(waits).as("%s", backoff).isSorted().allSatisfy(w -> assertThat(w).isPositive());
            assertThat(waits.get(199)).as("%s", backoff).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void growingBackoffsIgnoreTheSpecificationsAdditiveJitter() {
        RetryPolicy policy = new RetryPolicy(5, 100, 0, 50, ExceptionClassifier.all())
                .withBackoff(new ExponentialBackoff(2, 0, Jitter.NONE));
        assertThat(firstWaits(policy, 4)).containsExactly(100L, 200L, 400L, 800L);
    }

    @Test
    void theSynchronousStepSleepsTheSequence() {
        RetryStep step = new RetryStep(invocation -> invocation.proceed(),
                policy(4, 100 * MS, 0, new ExponentialBackoff(2, 0, Jitter.NONE)), time, time, MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(() -> {
            attempts.incrementAndGet();
            throw new IOException("down");
        })).isInstanceOf(IOException.class);
        assertThat(attempts).hasValue(5);
        assertThat(time.slept()).containsExactly(100 * MS, 200 * MS, 400 * MS, 800 * MS);
    }

    @Test
    void aWaitThatWouldEndPastMaxDurationEndsTheRetries() {
        RetryStep step = new RetryStep(invocation -> invocation.proceed(),
                policy(-1, 100 * MS, 1000 * MS, new ExponentialBackoff(2, 0, Jitter.NONE)), time, time, MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(() -> {
            attempts.incrementAndGet();
            throw new IOException("attempt " + attempts.get());
        })).hasMessage("attempt 4");
        assertThat(time.slept()).as("attempts at 0, 100, 300, 700 ms; the next wait, 800 ms, would end at 1500")
                .containsExactly(100 * MS, 200 * MS, 400 * MS);
    }

    @Test
    void theAsynchronousStepSchedulesTheSequence() {
        CompletableFuture<Object> result = new AsyncRetryStep(call -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("down"));
        }, policy(-1, 100 * MS, 1000 * MS, new FibonacciBackoff(0, Jitter.NONE)), time, time, Runnable::run,
                MethodMetrics.NONE).call(new AsyncCall(() -> null)).toCompletableFuture();
        time.advance(Duration.ofSeconds(10));
        assertThat(result).isCompletedExceptionally();
        assertThat(time.scheduled()).as("attempts at 0, 100, 300, 600 ms; the next wait, 500 ms, would end at 1100")
                .containsExactly(100 * MS, 200 * MS, 300 * MS);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void invalidBackoffsAreRejectedWithTheParameterNamed() {
        assertThatThrownBy(() -> new ExponentialBackoff(0, 0, Jitter.FULL)).hasMessage("factor must be 1 or more: 0");
        assertThatThrownBy(() -> new ExponentialBackoff(2, -1, Jitter.FULL))
                .hasMessage("maxDelay must not be negative (0 for no cap): -1");
        assertThatThrownBy(() -> new FibonacciBackoff(-5, Jitter.FULL))
                .hasMessage("maxDelay must not be negative (0 for no cap): -5");
        assertThatThrownBy(() -> new FibonacciBackoff(0, null)).hasMessage("jitter");
        assertThatThrownBy(() -> policy(3, 200, 0, new ExponentialBackoff(2, 100, Jitter.FULL)))
                .hasMessage("maxDelay (100 ns) must not be less than delay (200 ns), the first wait");
        assertThat(policy(3, 100, 0, new FibonacciBackoff(100, Jitter.FULL))).isNotNull();
    }
}
