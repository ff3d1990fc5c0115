package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SMOOTH in virtual time: a burst of N when idle (a fresh limiter counts as idle), then one call
 * per {@code ceil(W/N)}, retryAfter exact.
 */
class SmoothWindowTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final long origin = time.nanoTime();

    private RateLimiter limiter(int limit, long windowNanos) {
        return RateLimiter.create(new RateLimitPolicy(RateLimitWindow.SMOOTH, limit, windowNanos, 0), origin);
    }

    @Test
    void aBurstOfTheLimitThenOneCallPerIncrement() {
        RateLimiter limiter = limiter(4, SECOND);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire(time.nanoTime())).as("burst call %d", i).isZero();
        }
        assertThat(limiter.tryAcquire(time.nanoTime())).as("retryAfter: one increment, W/N").isEqualTo(250 * MILLI);
        time.advance(Duration.ofMillis(250));
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        assertThat(limiter.tryAcquire(time.nanoTime())).isEqualTo(250 * MILLI);
    }

    @Test
    void retryAfterIsExactToTheNanosecond() {
        RateLimiter limiter = limiter(4, SECOND);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
            time.advance(Duration.ofMillis(10));
        }
        // admitted at 0, 10, 20, 30 ms: the next slot opens at 4 * 250 - 3 * 250 = 250 ms
        long retryAfter = limiter.tryAcquire(time.nanoTime());
        assertThat(retryAfter).isEqualTo(210 * MILLI);
        time.advance(Duration.ofNanos(retryAfter - 1));
        assertThat(limiter.tryAcquire(time.nanoTime())).isEqualTo(1);
        time.advance(Duration.ofNanos(1));
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
    }

    @Test
    void steadyArrivalsFasterThanTheRateAreAdmittedOncePerIncrementAfterTheBurst() {
        RateLimiter limiter = limiter(4, SECOND);
        List<Long> admitted = new ArrayList<>();
        for (int k = 0; k < 1000; k++) { // one call every 10 ms for 9.99 s
            if (limiter.tryAcquire(time.nanoTime()) == 0) {
                admitted.add(time.nanoTime() - origin);
            }
            time.advance(Duration.ofMillis(10));
        }
        assertThat(admitted).hasSize(4 + 39); // N + floor(9990 ms / 250 ms)
        assertThat(admitted.subList(0, 4)).containsExactly(0L, 10 * MILLI, 20 * MILLI, 30 * MILLI);
        for (int i = 4; i < admitted.size(); i++) {
            assertThat(admitted.get(i)).as("admission %d", i).isEqualTo((i - 3) * 250 * MILLI);
        }
    }

    @Test
    void idleTimeRefillsTheBurstToTheLimitAndNoMore() {
        RateLimiter limiter = limiter(3, SECOND);
        time.advance(Duration.ofHours(5));
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            admitted += limiter.tryAcquire(time.nanoTime()) == 0 ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(3);
    }

    @Test
    void theIncrementRoundsUpSoTheRateIsNeverExceeded() {
        RateLimiter limiter = limiter(3, 1_000_000); // 3 per ms: increment ceil(1e6 / 3) = 333,334 ns
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        }
        assertThat(limiter.tryAcquire(time.nanoTime())).isEqualTo(333_334);
    }
}
