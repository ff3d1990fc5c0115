package dev.fusebox.ft.cdi.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import org.junit.jupiter.api.Test;

/**
 * The metrics a chain gets keep durations, and count invocations, exactly when a backend that does
 * so is present.
 */
class CompositeMetricsTest {

    /** Keeps durations, as the MicroProfile Metrics and OpenTelemetry backends do (the default). */
    private final MethodMetrics durationBackend = new MethodMetrics() {
    };

    @Test
    void theOperatorsCountersAloneKeepNoDurations() {
        assertThat(CompositeMetrics.of(new MethodCounters(), MethodMetrics.NONE).recordsDurations()).isFalse();
    }

    @Test
    void aBackendBesideTheCountersKeepsDurations() {
        assertThat(CompositeMetrics.of(new MethodCounters(), durationBackend).recordsDurations()).isTrue();
        assertThat(CompositeMetrics.of(durationBackend, new MethodCounters()).recordsDurations()).isTrue();
    }

    @Test
    void theOperatorsCountersAloneCountNoInvocations() {
        assertThat(CompositeMetrics.of(new MethodCounters(), MethodMetrics.NONE).countsInvocations()).isFalse();
    }

    @Test
    void aBackendBesideTheCountersCountsInvocations() {
        assertThat(CompositeMetrics.of(new MethodCounters(), durationBackend).countsInvocations()).isTrue();
        assertThat(CompositeMetrics.of(durationBackend, new MethodCounters()).countsInvocations()).isTrue();
    }
}
