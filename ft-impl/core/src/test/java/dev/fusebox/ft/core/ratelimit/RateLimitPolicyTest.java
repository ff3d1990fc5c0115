package dev.fusebox.ft.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bounds of a rate limit policy and their messages. */
class RateLimitPolicyTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLimitIsAtLeastOneAndBoundedPerWindowKind() {
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitWindow.FIXED, 0, SECOND, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rate limit value must be at least 1: 0");
        assertThat(new RateLimitPolicy(RateLimitWindow.SMOOTH, RateLimitPolicy.MAX_LIMIT, SECOND, 0).limit())
                .isEqualTo(1_000_000);
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitWindow.FIXED, 1_000_001, SECOND, 0))
                .hasMessage("rate limit value must be at most 1000000: 1000001");
        assertThat(new RateLimitPolicy(RateLimitWindow.ROLLING, RateLimitPolicy.MAX_ROLLING_LIMIT, SECOND, 0).limit())
                .isEqualTo(10_000);
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitWindow.ROLLING, 10_001, SECOND, 0))
                .hasMessage("rate limit value must be at most 10000 for a ROLLING window"
                        + " (it keeps the time of each admitted call in memory): 10001");
    }

    @Test
    void theWindowIsBetweenOneMillisecondAndAYear() {
        assertThat(new RateLimitPolicy(RateLimitWindow.FIXED, 1, RateLimitPolicy.MIN_WINDOW_NANOS, 0).windowNanos())
                .isEqualTo(1_000_000);
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitWindow.FIXED, 1, 999_999, 0))
                .hasMessage("rate limit window must be at least 1 ms (1000000 ns): 999999 ns");
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitWindow.SMOOTH, 1, RateLimitPolicy.MAX_NANOS + 1, 0))
                .hasMessage("rate limit window must be at most 365 days (31536000000000000 ns): 31536000000000001 ns");
    }

    @Test
    void minSpacingIsZeroOrMoreAndAtMostAYear() {
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitWindow.FIXED, 1, SECOND, -1))
                .hasMessage("rate limit minSpacing must not be negative: -1 ns");
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitWindow.FIXED, 1, SECOND, RateLimitPolicy.MAX_NANOS + 1))
                .hasMessage("rate limit minSpacing must be at most 365 days (31536000000000000 ns): 31536000000000001 ns");
    }

    @Test
    void theWindowKindIsRequired() {
        assertThatThrownBy(() -> new RateLimitPolicy(null, 1, SECOND, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("rate limit window kind is required");
    }
}
