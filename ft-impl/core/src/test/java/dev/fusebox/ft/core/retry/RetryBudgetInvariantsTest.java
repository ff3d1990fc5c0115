package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.RacingThreads;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads racing on one retry budget (beside {@code ConcurrencyInvariantsTest}): first attempts
 * and retries from {@link RacingThreads#THREADS} threads at once, slice after slice. The clock
 * stands still while the threads race and moves one slice between races, so the test knows the
 * slice of every operation. Checked after each slice: the budget's invariant for the window that
 * ends there (granted retries in the last ttl <= reserve + ratio * first attempts in it, whenever
 * one was granted in that slice), and that nothing was lost (the balance the budget reports is the
 * one the test's own counts give). Bounded in rounds; it proves nothing about timing.
 */
class RetryBudgetInvariantsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int SLICES = 60;
    private static final int ROUNDS = 400;

    private final RacingThreads threads = new RacingThreads();

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    @Test
    void grantedRetriesInEveryTtlStayWithinReservePlusRatioOfFirstAttempts() throws Exception {
        race(new RetryBudgetPolicy(0.2, 10 * SECOND, 3), 0.3);
    }

    @Test
    void aRetryHeavyLoadOnAReserveOnlyBudget() throws Exception {
        race(new RetryBudgetPolicy(0, 10 * SECOND, 40), 0.9);
    }

    @Test
    void aLoadThatTheBudgetCovers() throws Exception {
        race(new RetryBudgetPolicy(5, 10 * SECOND, 0), 0.5);
    }

    /** Races first attempts and retries ({@code retryShare} of the operations) slice after slice. */
    private void race(RetryBudgetPolicy policy, double retryShare) throws Exception {
        long origin = 3 * SECOND;
        long slice = policy.sliceNanos();
        RetryBudget budget = new RetryBudget(policy, origin);
        long[] firsts = new long[SLICES];
        long[] granted = new long[SLICES];
        long refusedInAll = 0;
        for (int s = 0; s < SLICES; s++) {
            long now = origin + s * slice + slice / 2;
            LongAdder sliceFirsts = new LongAdder();
            LongAdder sliceGranted = new LongAdder();
            LongAdder sliceRefused = new LongAdder();
            threads.race(ROUNDS, () -> {
                if (ThreadLocalRandom.current().nextDouble() < retryShare) {
                    (budget.tryRetry(now) ? sliceGranted : sliceRefused).increment();
                } else {
                    budget.firstAttempt(now);
                    sliceFirsts.increment();
                }
            });
            firsts[s] = sliceFirsts.sum();
            granted[s] = sliceGranted.sum();
            refusedInAll += sliceRefused.sum();
            long windowFirsts = sumOfLastTen(firsts, s);
            long windowRetries = sumOfLastTen(granted, s);
            long allowanceMilli = policy.reserveMilli() + policy.ratioPerMille() * windowFirsts;
            if (granted[s] > 0) {
                assertThat(1_000 * windowRetries).as("slice %d: %d retries for %d firsts", s, windowRetries, windowFirsts)
                        .isLessThanOrEqualTo(allowanceMilli);
            }
            long expectedBalance = Math.max(0, Math.floorDiv(allowanceMilli - 1_000 * windowRetries, 1_000));
            assertThat(budget.balance(now)).as("balance after slice %d", s).isEqualTo(expectedBalance);
            if (sliceRefused.sum() > 0) {
                // a refusal leaves less than one retry, and only later deposits can add to it
                long depositsAfter = policy.ratioPerMille() * firsts[s];
                assertThat(allowanceMilli - 1_000 * windowRetries).as("slice %d refused with budget left", s)
                        .isLessThan(1_000 + depositsAfter);
            }
        }
        assertThat(budget.retriesGranted()).isEqualTo(java.util.Arrays.stream(granted).sum());
        assertThat(budget.firstAttempts()).isEqualTo(java.util.Arrays.stream(firsts).sum());
        assertThat(budget.retriesRefused()).isEqualTo(refusedInAll);
    }

    private static long sumOfLastTen(long[] perSlice, int end) {
        long sum = 0;
        for (int s = Math.max(0, end - 9); s <= end; s++) {
            sum += perSlice[s];
        }
        return sum;
    }
}
