package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.cdi.management.GuardEnginesView;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.guard.GuardEngines;
import dev.fusebox.ft.guard.GuardMetrics;
import dev.fusebox.ft.guard.ManagedGuard;
import dev.fusebox.ft.guard.ManagedGuards;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Programmatic guards reporting to a container's metrics backend, with the specification's names;
 * the {@code method} tag is {@code dev.fusebox.ft.api.Guard.<name>}. A guard's metrics are
 * registered once per name, with the policies of the first guard of that name: a guard built again
 * under the name (after the first was closed) reports through the same counters, and the gauges
 * read whichever guard of the name is live (zero while none is). Thread-safe.
 */
public final class GuardMetricsBridge implements GuardMetrics {

    private final MetricsBackend backend;
    private final Map<String, MethodMetrics> byName = new ConcurrentHashMap<>();

    public GuardMetricsBridge(MetricsBackend backend) {
        this.backend = backend;
    }

    @Override
    public MethodMetrics metrics(GuardEngines engines) {
        MethodMetrics registered = byName.computeIfAbsent(engines.name(), name -> backend.register(
                GuardEnginesView.policyOf(engines, false), sources(engines)));
        return CompositeMetrics.of(engines.counters(), registered);
    }

    private static MetricSources sources(GuardEngines engines) {
        String name = engines.name();
        MetricSources.BreakerTimes times = engines.breaker() == null ? null : state -> {
            GuardEngines live = live(name);
            return live == null || live.breaker() == null ? 0 : live.breaker().nanosIn(state);
        };
        List<EngineReading> readings = EngineReading.of(() -> {
            GuardEngines live = live(name);
            return live == null ? null : live.adaptiveLimit();
        }, () -> {
            GuardEngines live = live(name);
            return live == null ? null : live.hedge();
        }, engines.adaptiveLimit() != null, engines.hedge() != null);
        if (engines.bulkhead() == null) {
            return new MetricSources(times, null, null, readings);
        }
        return new MetricSources(times, () -> {
            GuardEngines live = live(name);
            return live == null || live.bulkhead() == null ? 0 : live.bulkhead().running() + live.asyncBulkhead().running();
        }, () -> {
            GuardEngines live = live(name);
            return live == null || live.asyncBulkhead() == null ? 0 : live.asyncBulkhead().waiting();
        }, readings);
    }

    private static GuardEngines live(String name) {
        ManagedGuard guard = ManagedGuards.live(name);
        return guard == null ? null : guard.engines();
    }
}
