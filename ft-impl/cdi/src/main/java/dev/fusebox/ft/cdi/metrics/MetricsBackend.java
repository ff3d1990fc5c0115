package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.metrics.MethodMetrics;

/**
 * Publishes the specification's metrics to one metrics library. Everything a guarded method
 * reports is registered once, when its chain is assembled; the returned {@link MethodMetrics}
 * only updates what was registered. Implementations are thread-safe.
 */
public interface MetricsBackend extends AutoCloseable {

    /** Registers the metrics of one guarded method, with gauges reading {@code sources}. */
    MethodMetrics register(MethodPolicy policy, MetricSources sources);

    /** Removes what this backend registered (the container is shutting down). */
    @Override
    void close();
}
