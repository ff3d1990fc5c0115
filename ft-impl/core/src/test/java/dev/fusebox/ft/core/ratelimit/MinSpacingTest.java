package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Minimum spacing in virtual time, on top of each window kind. */
class MinSpacingTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final long origin = time.nanoTime();

    private RateLimiter limiter(RateLimitWindow window, int limit, long spacing) {
        return RateLimiter.create(new RateLimitPolicy(window, limit, SECOND, spacing), origin);
    }

    @ParameterizedTest
    @EnumSource(RateLimitWindow.class)
    void aCallCloserThanTheSpacingToTheLastAdmittedOneIsRefusedUntilTheSpacingHasPassed(RateLimitWindow window) {
        RateLimiter limiter = limiter(window, 10, 100 * MILLI);
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        time.advance(Duration.ofMillis(40));
        assertThat(limiter.tryAcquire(time.nanoTime())).isEqualTo(60 * MILLI);
        time.advance(Duration.ofMillis(60));
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
    }

    @ParameterizedTest
    @EnumSource(RateLimitWindow.class)
    void retryAfterOfASpacingRefusalIncludesTheWaitForTheWindow(RateLimitWindow window) {
        RateLimiter limiter = limiter(window, 1, 100 * MILLI);
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        time.advance(Duration.ofMillis(50));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("spacing says 50 ms, the window 950 ms")
                .isEqualTo(950 * MILLI);
    }

    @Test
    void aCallRefusedByTheWindowGivesTheSpacingBack() {
        RateLimiter limiter = limiter(RateLimitWindow.FIXED, 1, 100 * MILLI);
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        time.advance(Duration.ofMillis(990));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("spacing passed, window 0 full").isEqualTo(10 * MILLI);
        time.advance(Duration.ofMillis(10));
        assertThat(limiter.tryAcquire(time.nanoTime()))
                .as("window 1, 1 s after the last admitted call: the refused call of 990 ms holds no spacing").isZero();
    }

    @Test
    void aCallRefusedForSpacingDoesNotMoveTheSpacing() {
        RateLimiter limiter = limiter(RateLimitWindow.SMOOTH, 10, 100 * MILLI);
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        time.advance(Duration.ofMillis(90));
        assertThat(limiter.tryAcquire(time.nanoTime())).isEqualTo(10 * MILLI);
        time.advance(Duration.ofMillis(10));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("100 ms after the last admitted call").isZero();
    }
}
