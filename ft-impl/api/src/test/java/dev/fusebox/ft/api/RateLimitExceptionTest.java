package dev.fusebox.ft.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitExceptionTest {

    @Test
    void retryAfterSecondsRoundsUpSoThatAClientNeverComesBackTooEarly() {
        assertThat(new RateLimitException("m", Duration.ZERO).retryAfterSeconds()).isZero();
        assertThat(new RateLimitException("m", Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitException("m", Duration.ofMillis(1000)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitException("m", Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void aNegativeOrMissingWaitIsRefused() {
        assertThatThrownBy(() -> new RateLimitException("m", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryAfter");
        assertThatThrownBy(() -> new RateLimitException("m", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
