package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The retry budget in virtual time (plain nanos): exhaustion, refill slice by slice, the reserve,
 * rounding, late callers, long idle and the slice epoch's wrap-around.
 */
class RetryBudgetTest {

    private static final long SECOND = 1_000_000_000L;
    /** An arbitrary origin, so that nothing depends on time starting at 0. */
    private static final long ORIGIN = 7 * SECOND + 123;

    private static RetryBudget budget(double ratio, long ttlSeconds, int minRetriesPerSecond) {
        return new RetryBudget(new RetryBudgetPolicy(ratio, ttlSeconds * SECOND, minRetriesPerSecond), ORIGIN);
    }

    /** The time {@code slice} whole slices of one second after the origin, plus {@code extra} nanos. */
    private static long at(long slice, long extra) {
        return ORIGIN + slice * SECOND + extra;
    }

    private static int retriesGranted(RetryBudget budget, long now, int asked) {
        int granted = 0;
        for (int i = 0; i < asked; i++) {
            granted += budget.tryRetry(now) ? 1 : 0;
        }
        return granted;
    }

    @Test
    void tenFirstAttemptsAtATenthOfTwoAllowExactlyTwoRetries() {
        RetryBudget budget = budget(0.2, 10, 0);
        for (int i = 0; i < 10; i++) {
            budget.firstAttempt(at(0, i));
        }
        assertThat(budget.balance(at(0, 10))).isEqualTo(2);
        assertThat(retriesGranted(budget, at(0, 20), 5)).isEqualTo(2);
        assertThat(budget.balance(at(0, 30))).isZero();
        assertThat(budget.retriesGranted()).isEqualTo(2);
        assertThat(budget.retriesRefused()).isEqualTo(3);
        assertThat(budget.firstAttempts()).isEqualTo(10);
    }

    @Test
    void withNothingDepositedAndNoReserveEveryRetryIsRefused() {
        RetryBudget budget = budget(0.2, 10, 0);
        assertThat(budget.tryRetry(at(0, 0))).isFalse();
        assertThat(budget.balance(at(0, 0))).isZero();
    }

    @Test
    void depositsExpireSliceBySliceOneTtlAfterTheirSlice() {
        RetryBudget budget = budget(0.2, 10, 0);
        for (int slice = 0; slice < 10; slice++) {
            for (int i = 0; i < 5; i++) {
                budget.firstAttempt(at(slice, 500_000_000L)); // five firsts = one retry per slice
            }
            assertThat(budget.balance(at(slice, 999_999_999L))).isEqualTo(slice + 1);
        }
        for (int slice = 10; slice < 20; slice++) {
            // the last instant of the slice before: the deposits of slice - 10 still count
            assertThat(budget.balance(at(slice, -1))).as("just before slice %d", slice).isEqualTo(20 - slice);
            assertThat(budget.balance(at(slice, 0))).as("at slice %d", slice).isEqualTo(19 - slice);
        }
        assertThat(budget.balance(at(20, 0))).isZero();
    }

    @Test
    void retriesAreDebitsThatExpireLikeDeposits() {
        RetryBudget budget = budget(0, 10, 1); // reserve only: 1 per second for 10 s
        assertThat(retriesGranted(budget, at(0, 0), 11)).isEqualTo(10);
        for (int slice = 1; slice < 10; slice++) {
            assertThat(budget.tryRetry(at(slice, 0))).as("slice %d", slice).isFalse();
        }
        assertThat(budget.balance(at(10, -1))).isZero();
        assertThat(budget.balance(at(10, 0))).isEqualTo(10); // back to the reserve exactly
        assertThat(retriesGranted(budget, at(10, 0), 11)).isEqualTo(10);
    }

    @Test
    void reserveOnlyGrantsMinRetriesPerSecondTimesTtlInEveryTtl() {
        RetryBudget budget = budget(0, 5, 2); // reserve 10 per 5 s; slices of 0.5 s
        long half = SECOND / 2;
        int[] grantedPerSlice = new int[30];
        for (int slice = 0; slice < 30; slice++) {
            grantedPerSlice[slice] = retriesGranted(budget, ORIGIN + slice * half + 1, 4);
        }
        for (int end = 9; end < 30; end++) {
            int inWindow = 0;
            for (int s = end - 9; s <= end; s++) {
                inWindow += grantedPerSlice[s];
            }
            assertThat(inWindow).as("slices %d..%d", end - 9, end).isEqualTo(10);
        }
    }

    @Test
    void reserveAndDepositsAdd() {
        RetryBudget budget = budget(0.5, 2, 1); // reserve 2
        budget.firstAttempt(at(0, 0));
        budget.firstAttempt(at(0, 0));
        assertThat(budget.balance(at(0, 0))).isEqualTo(3);
        assertThat(retriesGranted(budget, at(0, 1), 4)).isEqualTo(3);
    }

    @Test
    void aFractionOfARetryIsNeverGranted() {
        RetryBudget budget = budget(0.3, 10, 0);
        for (int i = 0; i < 3; i++) {
            budget.firstAttempt(at(0, 0));
        }
        assertThat(budget.balance(at(0, 0))).isZero(); // 0.9 of a retry
        assertThat(budget.tryRetry(at(0, 0))).isFalse();
        budget.firstAttempt(at(0, 0));
        assertThat(budget.balance(at(0, 0))).isEqualTo(1); // 1.2
        assertThat(retriesGranted(budget, at(0, 0), 2)).isEqualTo(1);
        // the 0.2 left over adds up with later deposits: 0.2 + 3 * 0.3 = 1.1
        for (int i = 0; i < 3; i++) {
            budget.firstAttempt(at(1, 0));
        }
        assertThat(retriesGranted(budget, at(1, 0), 2)).isEqualTo(1);
    }

    @Test
    void retriesOutlivingTheirDepositsLeaveNoNegativeBalance() {
        RetryBudget budget = budget(0.2, 10, 0);
        for (int i = 0; i < 10; i++) {
            budget.firstAttempt(at(0, 0));
        }
        assertThat(retriesGranted(budget, at(9, 0), 2)).isEqualTo(2);
        RetryBudgetSnapshot later = budget.snapshot(at(10, 0)); // the deposits expired, the retries not yet
        assertThat(later.firstsInWindow()).isZero();
        assertThat(later.retriesInWindow()).isEqualTo(2);
        assertThat(later.balance()).isZero();
        for (int i = 0; i < 10; i++) {
            budget.firstAttempt(at(10, 0));
        }
        // 2 new retries' worth of deposits pay the 2 retries still in the window first
        assertThat(budget.tryRetry(at(10, 0))).isFalse();
        assertThat(budget.balance(at(19, 0))).isEqualTo(2);
    }

    @Test
    void aLateCallerCountsInTheNewestSliceNeverAnOlderOne() {
        RetryBudget budget = budget(1, 10, 0);
        budget.firstAttempt(at(5, 0));
        budget.firstAttempt(at(4, 0)); // read its clock before the first caller, arrived after it
        assertThat(budget.balance(at(14, 999_999_999L))).isEqualTo(2);
        assertThat(budget.balance(at(15, 0))).isZero();
        assertThat(budget.tryRetry(at(3, 0))).isTrue(); // late again: still slice 5's window
        assertThat(budget.snapshot(at(5, 0)).retriesInWindow()).isEqualTo(1);
    }

    @Test
    void afterALongIdleOnlyTheReserveIsLeft() {
        RetryBudget budget = budget(1, 1, 3); // slices of 100 ms, reserve 3
        for (int slice = 0; slice < 10; slice++) {
            budget.firstAttempt(ORIGIN + slice * (SECOND / 10));
        }
        long dayLater = ORIGIN + 86_400 * SECOND;
        assertThat(budget.balance(dayLater)).isEqualTo(3);
        assertThat(retriesGranted(budget, dayLater, 5)).isEqualTo(3);
    }

    @Test
    void slicesLeftBeforeTheEpochWrapsAroundNeverCountAgain() {
        // the slice epoch is kept modulo 2^EPOCH_BITS in each slice's word: come back exactly one and
        // five wrap-arounds later, in each slice a full window's deposits were made in
        long wrap = 1L << RetryBudget.EPOCH_BITS;
        for (long distance : new long[] {wrap, 5 * wrap, 5 * wrap + 5, wrap - 1}) {
            RetryBudget budget = budget(1, 10, 0);
            for (int slice = 0; slice < 10; slice++) {
                budget.firstAttempt(at(slice, 0));
            }
            for (long back = 0; back < 10; back++) {
                assertThat(budget.balance(at(distance + back, 0))).as("%d + %d slices", distance, back).isZero();
            }
            assertThat(budget.tryRetry(at(distance + 9, 0))).as("%d slices later", distance).isFalse();
            budget.firstAttempt(at(distance + 9, 0));
            assertThat(budget.balance(at(distance + 9, 1))).isEqualTo(1);
        }
    }

    @Test
    void aSliceCountsAtMostItsCapacityAndErrsTowardsFewerRetries() {
        long capacity = (1L << SliceWord.COUNT_BITS) - 1;
        RetryBudget deposits = budget(1, 10, 0);
        for (long i = 0; i < capacity + 10; i++) {
            deposits.firstAttempt(at(0, 0));
        }
        assertThat(deposits.balance(at(0, 0))).isEqualTo(capacity); // the last 10 not deposited
        assertThat(deposits.firstAttempts()).isEqualTo(capacity + 10);
        deposits.firstAttempt(at(1, 0)); // the next slice counts again
        assertThat(deposits.balance(at(1, 0))).isEqualTo(capacity + 1);

        RetryBudget retries = budget(0, 60, RetryBudgetPolicy.MAX_MIN_RETRIES_PER_SECOND); // reserve 6,000,000
        assertThat(retriesGranted(retries, at(0, 0), (int) capacity + 10)).isEqualTo(capacity);
        assertThat(retries.tryRetry(at(6, 0))).isTrue(); // slices are 6 s: the next one grants again
    }

    @Test
    void snapshotReportsTotalsAndTheWindow() {
        RetryBudget budget = budget(0.5, 10, 0);
        for (int i = 0; i < 6; i++) {
            budget.firstAttempt(at(0, 0));
        }
        retriesGranted(budget, at(1, 0), 4);
        RetryBudgetSnapshot snapshot = budget.snapshot(at(2, 0));
        assertThat(snapshot).isEqualTo(new RetryBudgetSnapshot(budget.policy(), 6, 3, 1, 6, 3, 0));
    }

    @Test
    void depositsAndWithdrawalsAllocateNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RetryBudget budget = budget(0.2, 1, 10);
        long now = ORIGIN;
        for (int i = 0; i < 200_000; i++) { // warm up; crosses many slices
            budget.firstAttempt(now);
            budget.tryRetry(now);
            now += 1_000_000;
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            budget.firstAttempt(now);
            budget.tryRetry(now);
            now += 1_000_000;
        }
        assertThat(threads.getThreadAllocatedBytes(id) - before).isZero();
    }
}
