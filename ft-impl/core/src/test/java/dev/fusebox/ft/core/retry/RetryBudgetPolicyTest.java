package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a retry budget's parameters may be, and the integer units the budget keeps them in. */
class RetryBudgetPolicyTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void defaultsAreFinaglesAndDeriveTheirUnits() {
        RetryBudgetPolicy policy = RetryBudgetPolicy.DEFAULT;
        assertThat(policy.ratio()).isEqualTo(0.2);
        assertThat(policy.ttlNanos()).isEqualTo(10 * SECOND);
        assertThat(policy.minRetriesPerSecond()).isEqualTo(10);
        assertThat(policy.ratioPerMille()).isEqualTo(200);
        assertThat(policy.reserveMilli()).isEqualTo(100_000); // 10 per second for 10 s, in thousandths
        assertThat(policy.sliceNanos()).isEqualTo(SECOND);
    }

    @Test
    void ratioIsKeptInThousandthsRoundedToTheNearest() {
        assertThat(new RetryBudgetPolicy(0.3333, SECOND, 0).ratioPerMille()).isEqualTo(333);
        assertThat(new RetryBudgetPolicy(0.0005, SECOND, 0).ratioPerMille()).isEqualTo(1);
        assertThat(new RetryBudgetPolicy(10, SECOND, 0).ratioPerMille()).isEqualTo(10_000);
    }

    @Test
    void reserveOfAFractionalTtlIsExactInThousandths() {
        // 3 per second over 1.5 s = 4.5 retries
        assertThat(new RetryBudgetPolicy(0, 1_500_000_000L, 3).reserveMilli()).isEqualTo(4_500);
        assertThat(new RetryBudgetPolicy(0, RetryBudgetPolicy.MAX_TTL_NANOS,
                RetryBudgetPolicy.MAX_MIN_RETRIES_PER_SECOND).reserveMilli()).isEqualTo(6_000_000_000L);
    }

    @Test
    void boundsAreInclusive() {
        new RetryBudgetPolicy(0, RetryBudgetPolicy.MIN_TTL_NANOS, 0);
        new RetryBudgetPolicy(RetryBudgetPolicy.MAX_RATIO, RetryBudgetPolicy.MAX_TTL_NANOS,
                RetryBudgetPolicy.MAX_MIN_RETRIES_PER_SECOND);
    }

    @Test
    void ratioOutsideZeroToTenIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new RetryBudgetPolicy(-0.1, SECOND, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry budget ratio must be between 0 and 10 (retries per first attempt): -0.1");
        assertThatThrownBy(() -> new RetryBudgetPolicy(10.5, SECOND, 0))
                .hasMessage("retry budget ratio must be between 0 and 10 (retries per first attempt): 10.5");
        assertThatThrownBy(() -> new RetryBudgetPolicy(Double.NaN, SECOND, 0))
                .hasMessage("retry budget ratio must be between 0 and 10 (retries per first attempt): NaN");
    }

    @Test
    void aPositiveRatioThatRoundsToNoThousandthIsRefused() {
        assertThatThrownBy(() -> new RetryBudgetPolicy(0.0004, SECOND, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry budget ratio must be 0 or at least 0.0005 (it is kept in thousandths): 4.0E-4");
    }

    @Test
    void ttlOutsideOneToSixtySecondsIsRefused() {
        assertThatThrownBy(() -> new RetryBudgetPolicy(0.2, SECOND - 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry budget ttl must be between 1 s and 60 s: 999999999 ns");
        assertThatThrownBy(() -> new RetryBudgetPolicy(0.2, 60 * SECOND + 1, 0))
                .hasMessage("retry budget ttl must be between 1 s and 60 s: 60000000001 ns");
    }

    @Test
    void minRetriesPerSecondOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> new RetryBudgetPolicy(0.2, SECOND, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry budget minRetriesPerSecond must be between 0 and 100000: -1");
        assertThatThrownBy(() -> new RetryBudgetPolicy(0.2, SECOND, 100_001))
                .hasMessage("retry budget minRetriesPerSecond must be between 0 and 100000: 100001");
    }
}
