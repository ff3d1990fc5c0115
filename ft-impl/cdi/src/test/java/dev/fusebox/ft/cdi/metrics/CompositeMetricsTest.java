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

    /**
     * Every report a chain can make reaches both receivers: a method of {@link MethodMetrics} that
     * CompositeMetrics does not override would fall to its no-op default and be lost for both (as
     * each new policy adds reports, this catches the one forgotten here).
     */
    @Test
    void everyReportIsForwardedToBothReceivers() {
        for (java.lang.reflect.Method report : MethodMetrics.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isStatic(report.getModifiers()) || report.isSynthetic()) {
                continue;
            }
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CompositeMetrics.class.getDeclaredMethod(
                    report.getName(), report.getParameterTypes()))).as("CompositeMetrics overrides %s", report.getName())
                    .isNull();
        }
    }
}
