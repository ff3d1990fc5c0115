package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A FIXED or SMOOTH limiter split into parts ({@link LimiterParts}), in virtual time, one caller:
 * the parts together admit exactly what the whole limiter still could at the split, then the
 * whole limit per window (FIXED) or the whole rate (SMOOTH), and a refusal waits for the first part
 * that admits again. The split is forced here; under load the first contention makes it
 * ({@code RateLimitInvariantsTest}, jcstress {@code RateLimitAdmissionTest}).
 */
class LimiterSplitTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int LIMIT = 64;
    private static final int PARTS = 4;

    private static RateLimiter limiter(RateLimitWindow window, long origin) {
        return RateLimiter.create(new RateLimitPolicy(window, LIMIT, SECOND, 0), origin, PARTS);
    }

    /** Calls at {@code now} until one is refused; returns how many were admitted (the refusal's wait in {@code refusal[0]}). */
    private static int admitAll(RateLimiter limiter, long now, long[] refusal) {
        int admitted = 0;
        long wait;
        while ((wait = limiter.tryAcquire(now)) == 0) {
            admitted++;
        }
        refusal[0] = wait;
        return admitted;
    }

    @Test
    void fixedSplitMidWindowAdmitsWhatTheWindowHadLeftThenTheWholeLimitPerWindow() {
        long origin = 7 * SECOND;
        FixedWindowLimiter limiter = (FixedWindowLimiter) limiter(RateLimitWindow.FIXED, origin);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(origin + 100)).isZero();
        }
        assertThat(limiter.splitAt(origin + 100)).isTrue();
        assertThat(limiter.isSplit()).isTrue();
        assertThat(limiter.splitAt(origin + 100)).as("splits once").isFalse();

        long[] refusal = new long[1];
        assertThat(admitAll(limiter, origin + 200, refusal)).as("what window 0 had left").isEqualTo(LIMIT - 10);
        assertThat(refusal[0]).as("retryAfter: the end of window 0").isEqualTo(SECOND - 200);
        assertThat(limiter.waitNanos(origin + 300)).isEqualTo(SECOND - 300);
        assertThat(admitAll(limiter, origin + SECOND + 5, refusal)).as("window 1").isEqualTo(LIMIT);
        assertThat(refusal[0]).isEqualTo(SECOND - 5);
        assertThat(admitAll(limiter, origin + 3 * SECOND, refusal)).as("window 3").isEqualTo(LIMIT);
    }

    @Test
    void fixedPartsRefuseACallWhoseTimeLiesInAWindowBeforeTheSplit() {
        FixedWindowLimiter limiter = (FixedWindowLimiter) limiter(RateLimitWindow.FIXED, 0);
        assertThat(limiter.tryAcquire(2 * SECOND + 1)).isZero();
        limiter.splitAt(2 * SECOND + 1);
        assertThat(limiter.tryAcquire(SECOND + 10)).as("window 1, after window 2 began")
                .isEqualTo(SECOND - 10);
        long[] refusal = new long[1];
        assertThat(admitAll(limiter, 2 * SECOND + 2, refusal)).isEqualTo(LIMIT - 1);
    }

    @Test
    void fixedSplitOfAWholeLimiterWithAFullWindowAdmitsNothingMoreInIt() {
        FixedWindowLimiter limiter = (FixedWindowLimiter) limiter(RateLimitWindow.FIXED, 0);
        long[] refusal = new long[1];
        assertThat(admitAll(limiter, 5, refusal)).isEqualTo(LIMIT);
        limiter.splitAt(5);
        assertThat(limiter.tryAcquire(6)).isEqualTo(SECOND - 6);
        assertThat(admitAll(limiter, SECOND, refusal)).isEqualTo(LIMIT);
    }

    @Test
    void smoothSplitAdmitsWhatTheWholeLimiterCouldStillAdmitThenItsRate() {
        SmoothLimiter limiter = (SmoothLimiter) limiter(RateLimitWindow.SMOOTH, 0);
        long increment = SECOND / LIMIT;
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(0)).isZero();
        }
        assertThat(limiter.splitAt(0)).isTrue();
        long[] refusal = new long[1];
        assertThat(admitAll(limiter, 0, refusal)).as("the burst's rest").isEqualTo(LIMIT - 10);
        // the parts' increment is PARTS * T: the first part to admit again is the one that gave its
        // last call at the split
        assertThat(refusal[0]).isPositive().isLessThanOrEqualTo(PARTS * increment);

        // steady overload: one caller every T/2 for 100 windows' worth of increments admits one per T,
        // never more than the whole limiter's bound N + x/T for the span so far
        long now = 0;
        int admitted = LIMIT;
        for (int i = 0; i < 20_000; i++) {
            now += increment / 2;
            if (limiter.tryAcquire(now) == 0) {
                admitted++;
                assertThat((long) admitted).as("admitted by %d ns", now).isLessThanOrEqualTo(LIMIT + now / increment);
            }
        }
        assertThat((long) admitted).as("the whole rate, less what the parts' rounding keeps back")
                .isGreaterThanOrEqualTo(LIMIT + now / increment - PARTS);
    }

    @Test
    void smoothSplitAfterIdleTimeGivesTheWholeBurstAgain() {
        SmoothLimiter limiter = (SmoothLimiter) limiter(RateLimitWindow.SMOOTH, 0);
        long[] refusal = new long[1];
        assertThat(admitAll(limiter, 0, refusal)).isEqualTo(LIMIT);
        limiter.splitAt(0);
        assertThat(limiter.tryAcquire(0)).as("split with its burst used up").isPositive();
        assertThat(admitAll(limiter, 10 * SECOND, refusal)).as("after idle time").isEqualTo(LIMIT);
    }

    @Test
    void aLimiterSplitsOnlyWithALimitOfAtLeastSixteenPerPartAndMoreThanOneProcessor() {
        assertThat(LimiterParts.partsFor(1)).isEqualTo(1);
        assertThat(LimiterParts.partsFor(2)).isEqualTo(4);
        assertThat(LimiterParts.partsFor(3)).isEqualTo(4);
        assertThat(LimiterParts.partsFor(8)).isEqualTo(16);
        assertThat(LimiterParts.partsFor(64)).isEqualTo(16);
        int parts = LimiterParts.PARTS;
        if (parts > 1) {
            assertThat(LimiterParts.partsForLimit(parts * LimiterParts.MIN_PART_LIMIT)).isEqualTo(parts);
            assertThat(LimiterParts.partsForLimit(parts * LimiterParts.MIN_PART_LIMIT - 1)).isZero();
        }
        FixedWindowLimiter small = (FixedWindowLimiter) RateLimiter.create(
                new RateLimitPolicy(RateLimitWindow.FIXED, 15, SECOND, 0), 0);
        assertThat(small.splitAt(0)).as("a limit of 15 never splits").isFalse();
    }
}
