package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each jitter kind over 10^5 seeded draws per retry: every wait inside its bounds, the smallest and
 * largest drawn near those bounds, the mean within 4 standard errors of the expected one
 * (research section 4; c is the capped wait of the sequence before jitter).
 */
class JitterBoundsTest {

    private static final int DRAWS = 100_000;
    private static final long BASE = 100_000_000L;

    /** The {@code retry}-th wait (from 1) of {@link #DRAWS} calls, each with delays of its own. */
    private static long[] waits(Backoff backoff, long maxDuration, int retry, long seed) {
        RetryPolicy policy = new RetryPolicy(-1, BASE, maxDuration, 0, ExceptionClassifier.all()).withBackoff(backoff);
        SplittableRandom random = new SplittableRandom(seed);
        long[] waits = new long[DRAWS];
        for (int call = 0; call < DRAWS; call++) {
            RetryDelays delays = backoff.start(policy);
            for (int i = 1; i < retry; i++) {
                delays.nextDelayNanos(null, random);
            }
            waits[call] = delays.nextDelayNanos(null, random);
        }
        return waits;
    }

    private static void assertSpread(long[] waits, long low, long high, double expectedMean, String what) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        for (long wait : waits) {
            min = Math.min(min, wait);
            max = Math.max(max, wait);
            sum += wait;
        }
        double width = high - low;
        assertThat(min).as("%s: smallest", what).isGreaterThanOrEqualTo(low).isLessThanOrEqualTo(low + (long) (width / 100));
        assertThat(max).as("%s: largest", what).isLessThanOrEqualTo(high).isGreaterThanOrEqualTo(high - (long) (width / 100));
        assertMean(waits, expectedMean, what);
    }

    /** The sample mean lies within 4 standard errors (from the sample's own spread) of {@code expectedMean}. */
    private static void assertMean(long[] waits, double expectedMean, String what) {
        double mean = Arrays.stream(waits).average().orElseThrow();
        double squares = 0;
        for (long wait : waits) {
            squares += (wait - mean) * (wait - mean);
        }
        double standardError = Math.sqrt(squares / (waits.length - 1)) / Math.sqrt(waits.length);
        assertThat(Math.abs(mean - expectedMean)).as("%s: mean %s, expected %s, standard error %s", what, mean, expectedMean,
                standardError).isLessThanOrEqualTo(Math.max(4 * standardError, 1e-9 * expectedMean));
    }

    @Test
    void fullJitterIsUniformFromZeroToTheWait() {
        for (int retry = 1; retry <= 5; retry++) {
            long c = BASE << (retry - 1);
            assertSpread(waits(new ExponentialBackoff(2, 0, Jitter.FULL), 0, retry, retry), 0, c, c / 2.0,
                    "exponential FULL, retry " + retry);
        }
        assertSpread(waits(new FibonacciBackoff(0, Jitter.FULL), 0, 5, 11), 0, 8 * BASE, 4.0 * BASE, "Fibonacci FULL, retry 5");
    }

    @Test
    void fullJitterStaysUnderTheCap() {
        long cap = 3 * BASE;
        assertSpread(waits(new ExponentialBackoff(2, cap, Jitter.FULL), 0, 4, 21), 0, cap, cap / 2.0, "capped FULL, retry 4");
    }

    @Test
    void equalJitterIsHalfTheWaitPlusUpToHalf() {
        for (int retry = 1; retry <= 5; retry++) {
            long c = BASE << (retry - 1);
            assertSpread(waits(new ExponentialBackoff(2, 0, Jitter.EQUAL), 0, retry, 30 + retry), c / 2, c, 0.75 * c,
                    "exponential EQUAL, retry " + retry);
        }
        assertSpread(waits(new FibonacciBackoff(5 * BASE, Jitter.EQUAL), 0, 6, 41), 5 * BASE / 2, 5 * BASE, 3.75 * BASE,
                "capped Fibonacci EQUAL, retry 6");
    }

    @Test
    void decorrelatedJitterDrawsFromTheBaseToThreeTimesTheWaitBefore() {
        assertSpread(waits(new ExponentialBackoff(2, 0, Jitter.DECORRELATED), 0, 1, 51), BASE, 3 * BASE, 2.0 * BASE,
                "DECORRELATED, retry 1: uniform in [base, 3 base]");
        // retry 2: uniform in [base, 3 s1] with s1 uniform in [base, 3 base]: mean (base + 3 * 2 base) / 2
        long[] second = waits(new FibonacciBackoff(0, Jitter.DECORRELATED), 0, 2, 52);
        assertThat(Arrays.stream(second).boxed()).allSatisfy(w -> assertThat(w).isBetween(BASE, 9 * BASE));
        assertThat(Arrays.stream(second).max().orElseThrow()).isGreaterThan(8 * BASE);
        assertThat(Arrays.stream(second).min().orElseThrow()).isLessThan(BASE + BASE / 100);
        assertMean(second, 3.5 * BASE, "DECORRELATED, retry 2");
    }

    @Test
    void decorrelatedJitterStaysBetweenTheBaseAndTheCap() {
        long cap = 4 * BASE;
        for (int retry = 1; retry <= 6; retry++) {
            long[] waits = waits(new ExponentialBackoff(2, cap, Jitter.DECORRELATED), 0, retry, 60 + retry);
            assertThat(Arrays.stream(waits).boxed()).as("retry %s", retry).allSatisfy(w -> assertThat(w).isBetween(BASE, cap));
        }
        long[] late = waits(new ExponentialBackoff(2, cap, Jitter.DECORRELATED), 0, 6, 70);
        assertThat(Arrays.stream(late).filter(w -> w == cap).count()).as("the cap is reached").isPositive();
    }

    @Test
    void noJitterIsTheSequenceItself() {
        assertSpread(waits(new ExponentialBackoff(2, 0, Jitter.NONE), 0, 3, 80), 4 * BASE, 4 * BASE, 4.0 * BASE,
                "exponential NONE, retry 3");
    }
}
