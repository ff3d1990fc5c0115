package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Ticker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call whose clock reading went stale before it reached the limiter (its thread was preempted, or
 * another call moved the limiter past its reading) is not refused for that alone: a refusal gets
 * one fresh reading and is decided again, so only a limit that is really used up refuses. Found by
 * the benchmarks: with two threads far below a limit of a million per 10 ms, a fixed window refused
 * calls read just before a window boundary, and a smooth one calls whose thread had slept longer
 * than its tolerance.
 */
class StaleReadingTest {

    private static final long MILLI = 1_000_000L;

    /** Answers the readings given, in order; the last one again when they run out. */
    private static final class ScriptedTicker implements Ticker {
        private final Deque<Long> readings = new ArrayDeque<>();
        private long last;

        ScriptedTicker(Long... readings) {
            this.readings.addAll(List.of(readings));
        }

        @Override
        public synchronized long nanoTime() {
            if (!readings.isEmpty()) {
                last = readings.poll();
            }
            return last;
        }
    }

    @Test
    void aFixedWindowAdmitsACallReadJustBeforeTheBoundaryAnotherCallCrossed() throws Exception {
        RateLimit limit = new RateLimit("m", new RateLimitPolicy(RateLimitWindow.FIXED, 100, 10 * MILLI, 0), 0);
        assertThat(limit.acquire(10 * MILLI + 1)).as("another call moved the limiter to window 1").isZero();
        // this call read the clock in window 0, before that call, and reaches the limiter after it
        ScriptedTicker stale = new ScriptedTicker(10 * MILLI - 1, 10 * MILLI + 2);
        RateLimitStep step = new RateLimitStep(invocation -> "ran", limit, Rejections.plain(), stale, MethodMetrics.NONE);

        assertThat(step.call(() -> "ran")).isEqualTo("ran");
        assertThat(limit.rejected()).isZero();
    }

    @Test
    void aSmoothWindowAdmitsACallWhoseThreadSleptPastItsTolerance() throws Exception {
        RateLimit limit = new RateLimit("m", new RateLimitPolicy(RateLimitWindow.SMOOTH, 100, 10 * MILLI, 0), 0);
        assertThat(limit.acquire(50 * MILLI)).isZero();
        ScriptedTicker stale = new ScriptedTicker(30 * MILLI, 50 * MILLI + 1);
        AsyncRateLimitStep step = new AsyncRateLimitStep(call -> java.util.concurrent.CompletableFuture
                .completedFuture("ran"), limit, Rejections.plain(), stale, MethodMetrics.NONE);

        assertThat(step.call(new dev.fusebox.ft.core.invocation.AsyncCall(() -> "ran")).toCompletableFuture().join())
                .isEqualTo("ran");
        assertThat(limit.rejected()).isZero();
    }

    @Test
    void aLimitReallyUsedUpStillRefusesAfterTheFreshReading() {
        RateLimit limit = new RateLimit("m", new RateLimitPolicy(RateLimitWindow.FIXED, 1, 10 * MILLI, 0), 0);
        assertThat(limit.acquire(MILLI)).isZero();
        ScriptedTicker ticker = new ScriptedTicker(2 * MILLI, 3 * MILLI);
        RateLimitStep step = new RateLimitStep(invocation -> "ran", limit, Rejections.plain(), ticker, MethodMetrics.NONE);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> step.call(() -> "ran"))
                .hasMessageContaining("retry after 7000000 ns");
        assertThat(limit.rejected()).as("one call, one refusal counted").isEqualTo(1);
    }
}
