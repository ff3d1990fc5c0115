package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** How far the synchronous retry goes: counts, classification, time limits, jitter, extremes. */
class RetryLimitsTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();

    private RetryStep step(RetryPolicy policy) {
        return new RetryStep(invocation -> invocation.proceed(), policy, time, time, MethodMetrics.NONE);
    }

    private static RetryPolicy policy(int maxRetries, long delay, long maxDuration, long jitter) {
        return new RetryPolicy(maxRetries, delay, maxDuration, jitter, ExceptionClassifier.all());
    }

    /** Fails every time, after taking {@code duration} of virtual time. */
    private Invocation failingAfter(Duration duration) {
        return () -> {
            attempts.incrementAndGet();
            time.advance(duration);
            throw new IOException("attempt " + attempts.get());
        };
    }

    /** A random source that always draws the given end of the requested range. */
    private static RandomGenerator extreme(boolean high) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are expected");
            }

            @Override
            public long nextLong(long origin, long bound) {
                if (origin >= bound) {
                    throw new IllegalArgumentException("empty range " + origin + ".." + bound);
                }
                return high ? bound - 1 : origin;
            }
        };
    }

    @Test
    void jitteredDelaysStayWithinDelayPlusOrMinusJitter() {
        assertThatThrownBy(() -> step(policy(300, 100 * MS, 0, 30 * MS)).call(failingAfter(Duration.ZERO)))
                .isInstanceOf(IOException.class);
        assertThat(time.slept()).hasSize(300).allSatisfy(delay -> assertThat(delay).isBetween(70 * MS, 130 * MS));
        assertThat(time.slept().stream().distinct().count()).as("the delay is drawn anew each time").isGreaterThan(100);
    }

    @Test
    void theJitterEndsAreReachableAndANegativeResultIsClampedToZero() {
        RetryPolicy policy = policy(1, 100, 0, 30);
        assertThat(policy.nextDelay(extreme(true))).isEqualTo(130);
        assertThat(policy.nextDelay(extreme(false))).isEqualTo(70);
        assertThat(policy(1, 10, 0, 30).nextDelay(extreme(false))).isZero();
        assertThat(policy(1, 10, 0, 0).nextDelay(extreme(false))).as("no jitter, no draw").isEqualTo(10);
    }

    @Test
    void theLargestJitterIsDrawnWithoutOverflow() {
        RetryPolicy policy = policy(1, 5 * MS, 0, Long.MAX_VALUE);
        assertThat(policy.nextDelay(extreme(true))).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.nextDelay(extreme(false))).isZero();
        assertThat(policy.nextDelay(RandomGenerator.getDefault())).isNotNegative();
    }

    @Test
    void aDelayNearTheMaximumPlusJitterSaturatesInsteadOfWrappingToZero() {
        RetryPolicy policy = policy(1, Long.MAX_VALUE - 10, 0, 100);
        assertThat(policy.nextDelay(extreme(true))).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.nextDelay(extreme(false))).isEqualTo(Long.MAX_VALUE - 110);
    }

    @Test
    void aFailureOutsideRetryOnIsNotRetried() {
        RetryStep step = step(new RetryPolicy(5, 0, 0, 0,
                new ExceptionClassifier(List.of(IOException.class), List.of())));
        assertThatThrownBy(() -> step.call(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not retried");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void abortOnWinsEvenWhenRetryOnNamesAMoreSpecificType() {
        RetryStep step = step(new RetryPolicy(5, 0, 0, 0,
                new ExceptionClassifier(List.of(FileNotFoundException.class), List.of(IOException.class))));
        assertThatThrownBy(() -> step.call(() -> {
            attempts.incrementAndGet();
            throw new FileNotFoundException("aborted");
        })).isInstanceOf(FileNotFoundException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void errorsAreRetriedWhenRetryOnNamesThem() throws Exception {
        RetryStep step = step(new RetryPolicy(5, 0, 0, 0,
                new ExceptionClassifier(List.of(Exception.class, Error.class), List.of())));
        assertThat(step.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new AssertionError("flaky");
            }
            return "third time";
        })).isEqualTo("third time");
    }

    @Test
    void slowAttemptsUseUpTheMaximumDuration() {
        assertThatThrownBy(() -> step(policy(-1, 100 * MS, 1000 * MS, 0)).call(failingAfter(Duration.ofMillis(600))))
                .isInstanceOf(IOException.class).hasMessage("attempt 2");
        assertThat(attempts).as("0-600 fails, wait to 700, 700-1300 fails past 1000").hasValue(2);
        assertThat(time.slept()).containsExactly(100 * MS);
    }

    @Test
    void noRetryStartsWhenTheWaitWouldEndExactlyAtTheMaximumDuration() {
        assertThatThrownBy(() -> step(policy(-1, 100 * MS, 300 * MS, 0)).call(failingAfter(Duration.ZERO)))
                .isInstanceOf(IOException.class).hasMessage("attempt 3");
        assertThat(time.slept()).containsExactly(100 * MS, 100 * MS);
    }

    @Test
    void maxRetriesBoundsTheAttemptsEvenWithTimeToSpare() {
        assertThatThrownBy(() -> step(policy(3, 10 * MS, 10_000 * MS, 0)).call(failingAfter(Duration.ZERO)))
                .hasMessage("attempt 4");
        assertThat(time.slept()).hasSize(3);
    }

    @Test
    void unlimitedRetriesWithoutMaximumDurationGoOnUntilSuccess() throws Exception {
        assertThat(step(policy(-1, 0, 0, 0)).call(() -> {
            if (attempts.incrementAndGet() <= 10_000) {
                throw new IOException("again");
            }
            return "finally";
        })).isEqualTo("finally");
        assertThat(attempts).hasValue(10_001);
    }

    @Test
    void anInterruptArrivingDuringTheAttemptEndsTheRetriesAtTheWait() {
        assertThatThrownBy(() -> step(policy(5, 100 * MS, 0, 0)).call(() -> {
            attempts.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new IOException("failed while being cancelled");
        })).isInstanceOf(IOException.class).satisfies(e ->
                assertThat(e.getSuppressed()).hasOnlyElementsOfType(InterruptedException.class).hasSize(1));
        assertThat(attempts).hasValue(1);
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }

    @Test
    void anElapsedTimePlusTheLargestDelayDoesNotOverflowIntoAnotherRetry() {
        RetryPolicy policy = policy(3, Long.MAX_VALUE - 1, Long.MAX_VALUE, 0);
        assertThatThrownBy(() -> step(policy).call(failingAfter(Duration.ofNanos(10)))).hasMessage("attempt 1");
        assertThat(time.slept()).as("10 ns + a delay of MAX - 1 passes a maximum duration of MAX").isEmpty();
    }

    @Test
    void policyMessagesNameTheParameter() {
        assertThatThrownBy(() -> policy(-2, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must be -1 or more: -2");
        assertThatThrownBy(() -> policy(1, 0, -1, 0)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> policy(1, 0, 0, -1)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> policy(1, 200, 100, 0)).hasMessage("maxDuration must be greater than delay");
        assertThat(policy(-1, Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MAX_VALUE)).isNotNull();
    }
}
