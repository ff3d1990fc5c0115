package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rolling window is an array of requestVolumeThreshold outcomes: a policy cannot ask for one beyond the bound. */
class CircuitBreakerPolicyBoundsTest {

    @Test
    void aWindowAboveTheBoundIsRefusedBeforeAnyBreakerAllocatesIt() {
        assertThatThrownBy(() -> new CircuitBreakerPolicy(Integer.MAX_VALUE, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestVolumeThreshold must be at most 10000 (the rolling window keeps that many outcomes"
                        + " in memory): 2147483647");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(10_001, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CircuitBreakerPolicy(CircuitBreakerPolicy.MAX_REQUEST_VOLUME_THRESHOLD, 0.5, 0, 1)
                .requestVolumeThreshold()).isEqualTo(10_000);
    }
}
