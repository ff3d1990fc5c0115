package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The load test at engine level, in virtual time: calls arrive at a steady rate, every
 * attempt fails independently with probability 0.5, and each failure is retried up to three times,
 * asking the allowance first as the retry steps do. Without a budget the dependency sees
 * (1 - 0.5^4) / (1 - 0.5) = 1.875 attempts per call, 0.875 retries per first attempt; with the
 * default budget (ratio 0.2, ttl 10 s, 10 retries per second in reserve) at most 0.2 plus the
 * reserve's share (100 per 10,000 calls in a ttl here: 0.01).
 */
class RetryBudgetLoadTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int CALLS_PER_SECOND = 1_000;
    private static final int SECONDS = 120;
    private static final int MAX_RETRIES = 3;

    /** Retries per first attempt under the simulated load, through {@code allowance}. */
    private static double retriesPerFirstAttempt(RetryAllowance allowance, long seed) {
        SplittableRandom failures = new SplittableRandom(seed);
        long now = 1_000 * SECOND;
        long spacing = SECOND / CALLS_PER_SECOND;
        long firsts = 0;
        long retries = 0;
        for (int call = 0; call < CALLS_PER_SECOND * SECONDS; call++) {
            now += spacing;
            allowance.firstAttempt(now);
            firsts++;
            boolean failed = failures.nextBoolean();
            for (int retry = 0; failed && retry < MAX_RETRIES && allowance.tryRetry(now); retry++) {
                retries++;
                failed = failures.nextBoolean();
            }
        }
        return (double) retries / firsts;
    }

    @Test
    void withoutABudgetRetriesMultiplyTheLoadByAlmostTwo() {
        double perFirst = retriesPerFirstAttempt(RetryAllowance.UNLIMITED, 16);
        System.out.printf("retries per first attempt without a budget: %.4f (attempts per call %.4f)%n",
                perFirst, 1 + perFirst);
        assertThat(perFirst).isBetween(0.86, 0.89);
    }

    @Test
    void theDefaultBudgetHoldsRetriesToTheRatioPlusTheReserve() {
        RetryBudget budget = new RetryBudget(RetryBudgetPolicy.DEFAULT, 1_000 * SECOND);
        double perFirst = retriesPerFirstAttempt(budget, 16);
        double reserveShare = 10.0 * 10 / (CALLS_PER_SECOND * 10);
        System.out.printf("retries per first attempt with the default budget: %.4f (attempts per call %.4f;"
                + " granted %d, refused %d)%n", perFirst, 1 + perFirst, budget.retriesGranted(), budget.retriesRefused());
        assertThat(perFirst).isLessThanOrEqualTo(0.2 + reserveShare);
        // demand (0.875) is far above the budget, so the budget is spent, not left over
        assertThat(perFirst).isGreaterThan(0.19);
        assertThat(budget.retriesRefused()).isPositive();
    }

    @Test
    void withABudgetOfThreePerCallRetriesAreUnchanged() {
        RetryBudget budget = new RetryBudget(new RetryBudgetPolicy(3, 10 * SECOND, 0), 1_000 * SECOND);
        assertThat(retriesPerFirstAttempt(budget, 16))
                .isEqualTo(retriesPerFirstAttempt(RetryAllowance.UNLIMITED, 16));
        assertThat(budget.retriesRefused()).isZero();
    }
}
