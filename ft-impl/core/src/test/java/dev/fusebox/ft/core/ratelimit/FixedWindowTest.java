package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** FIXED windows in virtual time: N per window from the origin, retryAfter to the next boundary. */
class FixedWindowTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final long origin = time.nanoTime();

    private RateLimiter limiter(int limit) {
        return RateLimiter.create(new RateLimitPolicy(RateLimitWindow.FIXED, limit, SECOND, 0), origin);
    }

    @Test
    void admitsTheLimitThenRejectsUntilTheNextBoundaryExactly() {
        RateLimiter limiter = limiter(3);
        time.advance(Duration.ofMillis(100));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(time.nanoTime())).as("call %d", i).isZero();
        }
        assertThat(limiter.tryAcquire(time.nanoTime())).as("retryAfter: to the boundary").isEqualTo(900 * MILLI);
        time.advance(Duration.ofNanos(900 * MILLI - 1));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("one nanosecond before it").isEqualTo(1);
        time.advance(Duration.ofNanos(1));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("at the boundary").isZero();
    }

    @Test
    void twoWindowsWorthPassAcrossABoundary() {
        RateLimiter limiter = limiter(3);
        time.advance(Duration.ofNanos(SECOND - 1));
        int admitted = 0;
        for (int i = 0; i < 5; i++) {
            admitted += limiter.tryAcquire(time.nanoTime()) == 0 ? 1 : 0;
        }
        time.advance(Duration.ofNanos(1));
        for (int i = 0; i < 5; i++) {
            admitted += limiter.tryAcquire(time.nanoTime()) == 0 ? 1 : 0;
        }
        assertThat(admitted).as("3 in the last nanosecond of window 0, 3 in the first of window 1").isEqualTo(6);
    }

    @Test
    void aCallWhoseTimeLiesInAnEarlierWindowThanTheLimiterHasSeenIsRefused() {
        RateLimiter limiter = limiter(3);
        long late = time.nanoTime() + SECOND - 10;
        time.advance(Duration.ofNanos(SECOND));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("first call of window 1").isZero();
        assertThat(limiter.tryAcquire(late)).as("a time of window 0 after window 1 began: until its clock reaches window 1")
                .isEqualTo(10);
    }

    @Test
    void afterLongIdleTimeTheLimitIsAvailableAgain() {
        RateLimiter limiter = limiter(2);
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        assertThat(limiter.tryAcquire(time.nanoTime())).isPositive();
        time.advance(Duration.ofDays(3).plusMillis(500));
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        assertThat(limiter.tryAcquire(time.nanoTime())).isEqualTo(500 * MILLI);
    }
}
