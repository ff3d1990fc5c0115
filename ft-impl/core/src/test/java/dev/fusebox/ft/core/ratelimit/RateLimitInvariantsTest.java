package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.RacingThreads;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads racing on one rate limit, each call reading a shared clock that the calls
 * themselves move on (so threads hold readings of different ages when they reach the limiter),
 * with each window kind's bound checked over the times of the admitted calls afterwards. Beside
 * {@code ConcurrencyInvariantsTest}; bounded in rounds, it proves nothing about timing and waits on
 * barriers, never on sleeps.
 */
class RateLimitInvariantsTest {

    private static final int ROUNDS = 20_000;
    private static final int LIMIT = 4;
    private static final long WINDOW = RateLimitPolicy.MIN_WINDOW_NANOS;

    private final RacingThreads threads = new RacingThreads();

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    /**
     * Races calls on a fresh rate limit, each moving the clock on by up to {@code maxStep} (smaller:
     * more calls per window and more of them racing for one admission; larger: more calls holding a
     * reading from a window the limiter has left); returns the admitted calls' times, sorted.
     */
    private long[] admittedTimes(RateLimitPolicy policy, long maxStep) throws Exception {
        return admittedTimes(policy, RateLimiter.create(policy, 0), now -> { }, maxStep);
    }

    /**
     * As above, on {@code limiter}; the call halfway through the race (by count) first runs
     * {@code midway} with its time, while the other threads go on calling.
     */
    private long[] admittedTimes(RateLimitPolicy policy, RateLimiter limiter, LongConsumer midway, long maxStep)
            throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        RateLimit rateLimit = new RateLimit("race", policy, limiter);
        AtomicLongArray admitted = new AtomicLongArray(RacingThreads.THREADS * ROUNDS);
        AtomicInteger count = new AtomicInteger();
        threads.race(ROUNDS, () -> {
            long now = clock.getAndAdd(ThreadLocalRandom.current().nextLong(0, maxStep));
            if (calls.incrementAndGet() == RacingThreads.THREADS * ROUNDS / 2) {
                midway.accept(now);
            }
            if (rateLimit.acquire(now) == 0) {
                admitted.set(count.getAndIncrement(), now);
            }
        });
        assertThat(rateLimit.permitted()).isEqualTo(count.get());
        assertThat(rateLimit.permitted() + rateLimit.rejected()).as("every call decided once")
                .isEqualTo((long) RacingThreads.THREADS * ROUNDS);
        long[] times = new long[count.get()];
        for (int i = 0; i < times.length; i++) {
            times[i] = admitted.get(i);
        }
        Arrays.sort(times);
        long windows = clock.get() / WINDOW;
        // about 4 per window when the threads interleave finely; far fewer when the machine is
        // loaded and most calls hold readings older than those already admitted (refused, rightly)
        assertThat((long) times.length).as("calls were admitted throughout (%d windows)", windows)
                .isGreaterThan(windows / 10);
        return times;
    }

    @Test
    void fixedNeverAdmitsMoreThanTheLimitWithTimesInOneWindow() throws Exception {
        assertAtMostLimitPerWindowIndex(admittedTimes(new RateLimitPolicy(RateLimitWindow.FIXED, LIMIT, WINDOW, 0), WINDOW / 5));
    }

    @Test
    void fixedSplitUnderContentionStillNeverAdmitsMoreThanTheLimitWithTimesInOneWindow() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy(RateLimitWindow.FIXED, LIMIT, WINDOW, 0);
        FixedWindowLimiter limiter = (FixedWindowLimiter) RateLimiter.create(policy, 0, 2);
        long[] times = admittedTimes(policy, limiter, limiter::splitAt, WINDOW / 5);
        assertThat(limiter.isSplit()).as("split by a racing call's contention, or halfway").isTrue();
        assertAtMostLimitPerWindowIndex(times);
    }

    @Test
    void rollingNeverAdmitsMoreThanTheLimitInAnyIntervalOfOneWindow() throws Exception {
        long[] times = admittedTimes(new RateLimitPolicy(RateLimitWindow.ROLLING, LIMIT, WINDOW, 0), WINDOW / 5);
        boolean reached = false;
        for (int i = 0; i + LIMIT < times.length; i++) {
            assertThat(times[i + LIMIT] - times[i]).as("admissions %d..%d", i, i + LIMIT).isGreaterThanOrEqualTo(WINDOW);
            reached |= times[i + LIMIT - 1] - times[i] < WINDOW;
        }
        assertThat(reached).as("some interval of one window held the limit").isTrue();
    }

    @Test
    void smoothNeverAdmitsMoreThanTheBurstPlusOnePerIncrementInAnyInterval() throws Exception {
        assertSmoothBound(admittedTimes(new RateLimitPolicy(RateLimitWindow.SMOOTH, LIMIT, WINDOW, 0), WINDOW / 25), WINDOW / LIMIT);
    }

    @Test
    void smoothSplitUnderContentionStillKeepsTheBurstPlusOnePerIncrementBound() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy(RateLimitWindow.SMOOTH, LIMIT, WINDOW, 0);
        SmoothLimiter limiter = (SmoothLimiter) RateLimiter.create(policy, 0, 2);
        long[] times = admittedTimes(policy, limiter, limiter::splitAt, WINDOW / 25);
        assertThat(limiter.isSplit()).as("split by a racing call's contention, or halfway").isTrue();
        assertSmoothBound(times, WINDOW / LIMIT);
    }

    @Test
    void minSpacingKeepsAdmittedCallsApartAndTheWindowsBound() throws Exception {
        long spacing = WINDOW / 10;
        long[] times = admittedTimes(new RateLimitPolicy(RateLimitWindow.FIXED, LIMIT, WINDOW, spacing), WINDOW / 5);
        for (int i = 1; i < times.length; i++) {
            assertThat(times[i] - times[i - 1]).as("admissions %d and %d", i - 1, i).isGreaterThanOrEqualTo(spacing);
        }
        assertAtMostLimitPerWindowIndex(times);
    }

    private static void assertSmoothBound(long[] times, long increment) {
        boolean reached = false;
        for (int i = 0; i < times.length; i++) {
            for (int j = i; j < Math.min(times.length, i + 4 * LIMIT); j++) {
                long interval = times[j] - times[i];
                assertThat(j - i + 1L).as("admissions %d..%d within %d ns", i, j, interval)
                        .isLessThanOrEqualTo(LIMIT + interval / increment);
                reached |= j - i + 1L == LIMIT + interval / increment;
            }
        }
        assertThat(reached).as("some interval held the bound").isTrue();
        long span = times[times.length - 1] - times[0];
        assertThat((long) times.length).isLessThanOrEqualTo(LIMIT + span / increment);
    }

    private static void assertAtMostLimitPerWindowIndex(long[] times) {
        Map<Long, Integer> perWindow = new HashMap<>();
        for (long time : times) {
            perWindow.merge(time / WINDOW, 1, Integer::sum);
        }
        assertThat(perWindow.values()).allSatisfy(admitted -> assertThat(admitted).isLessThanOrEqualTo(LIMIT));
        assertThat(perWindow.values()).as("some windows were filled").contains(LIMIT);
    }
}
