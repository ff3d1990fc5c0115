package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.metrics.MethodMetrics;

/**
 * Where a guard reports its metrics, installed by a layer that has a metrics library (the CDI
 * layer, for the MicroProfile Metrics or OpenTelemetry backend of its container) through
 * {@link ManagedGuards#reportTo}. Asked once per guard, when it is built; what it returns is what
 * the guard's chain reports to besides its JMX counters. Implementations are thread-safe.
 */
@FunctionalInterface
public interface GuardMetrics {

    /** The metrics of the guard being built with {@code engines} (its name is {@code engines.name()}). */
    MethodMetrics metrics(GuardEngines engines);
}
