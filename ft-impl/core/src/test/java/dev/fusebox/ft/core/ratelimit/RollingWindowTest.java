package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ROLLING in virtual time: at most N admissions in any interval of length W, checked against a model. */
class RollingWindowTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final long origin = time.nanoTime();

    private RateLimiter limiter(int limit) {
        return RateLimiter.create(new RateLimitPolicy(RateLimitWindow.ROLLING, limit, SECOND, 0), origin);
    }

    @Test
    void theOldestAdmissionMustLeaveTheWindowBeforeAnotherIsAdmitted() {
        RateLimiter limiter = limiter(3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
            time.advance(Duration.ofMillis(100));
        }
        assertThat(limiter.tryAcquire(time.nanoTime())).as("at 300 ms: the call of 0 ms leaves at 1000 ms")
                .isEqualTo(700 * MILLI);
        time.advance(Duration.ofMillis(700));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("at 1000 ms").isZero();
        time.advance(Duration.ofMillis(50));
        assertThat(limiter.tryAcquire(time.nanoTime())).as("at 1050 ms: the call of 100 ms leaves at 1100 ms")
                .isEqualTo(50 * MILLI);
    }

    @Test
    void decidesEveryCallOfARandomTraceAsTheSlidingLogModelDoes() {
        int limit = 5;
        RateLimiter limiter = limiter(limit);
        List<Long> model = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(16);
        int admittedCount = 0;
        for (int k = 0; k < 20_000; k++) {
            time.advance(Duration.ofNanos(random.nextLong(0, 120 * MILLI)));
            long now = time.nanoTime();
            long inWindow = model.stream().filter(t -> now - t < SECOND).count();
            long expected = inWindow < limit ? 0 : model.get(model.size() - limit) + SECOND - now;
            long actual = limiter.tryAcquire(now);
            assertThat(actual).as("call %d at %d", k, now - origin).isEqualTo(expected);
            if (actual == 0) {
                model.add(now);
                admittedCount++;
                if (model.size() > limit) {
                    model.remove(0);
                }
            }
        }
        assertThat(admittedCount).as("the trace exercised admissions and rejections").isBetween(1000, 19_000);
    }

    @Test
    void aCallWithATimeBeforeTheOldestAdmissionInItsSlotIsRefused() {
        RateLimiter limiter = limiter(1);
        long late = time.nanoTime();
        time.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(time.nanoTime())).isZero();
        assertThat(limiter.tryAcquire(late)).as("its clock must reach the admitted call's time + W").isEqualTo(2 * SECOND);
    }
}
