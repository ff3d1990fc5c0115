package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses the metrics backends of a deployment: MicroProfile Metrics when its API is on the class
 * path and a base registry is a bean, OpenTelemetry when its API is there and an
 * {@code OpenTelemetry} is a bean, both when both are, none when neither is or when
 * {@code MP_Fault_Tolerance_Metrics_Enabled=false}. A backend's classes are loaded by name only
 * after its library was found, so an application without one never loads a class of it.
 * Thread-safety: stateless; {@link #NONE} is shared and keeps nothing.
 */
public final class MetricsBackends {

    /** MicroProfile Config key that turns all metrics off. */
    public static final String ENABLED_KEY = "MP_Fault_Tolerance_Metrics_Enabled";

    /** Registers nothing and reports nothing. */
    public static final MetricsBackend NONE = new MetricsBackend() {
        @Override
        public MethodMetrics register(MethodPolicy policy, MetricSources sources) {
            return MethodMetrics.NONE;
        }

        @Override
        public void close() {
        }
    };

    private MetricsBackends() {
    }

    public static MetricsBackend select(Config config, BeanManager beans) {
        if (!config.getOptionalValue(ENABLED_KEY, Boolean.class).orElse(true)) {
            return NONE;
        }
        List<MetricsBackend> found = new ArrayList<>(2);
        load("org.eclipse.microprofile.metrics.MetricRegistry", "dev.fusebox.ft.cdi.metrics.mp.MicroProfileMetricsBackend",
                beans, found);
        load("io.opentelemetry.api.OpenTelemetry", "dev.fusebox.ft.cdi.metrics.otel.TelemetryMetricsBackend", beans, found);
        return switch (found.size()) {
            case 0 -> NONE;
            case 1 -> found.get(0);
            default -> new Both(found.get(0), found.get(1));
        };
    }

    private static void load(String libraryClass, String backendClass, BeanManager beans, List<MetricsBackend> found) {
        ClassLoader loader = MetricsBackends.class.getClassLoader();
        try {
            Class.forName(libraryClass, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return;
        }
        try {
            Class<?> backend = Class.forName(backendClass, true, loader);
            if ((Boolean) backend.getMethod("available", BeanManager.class).invoke(null, beans)) {
                found.add((MetricsBackend) backend.getConstructor(BeanManager.class).newInstance(beans));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the metrics backend " + backendClass, e);
        }
    }

    /** Two backends at once. */
    private record Both(MetricsBackend first, MetricsBackend second) implements MetricsBackend {
        @Override
        public MethodMetrics register(MethodPolicy policy, MetricSources sources) {
            return new CompositeMetrics(first.register(policy, sources), second.register(policy, sources));
        }

        @Override
        public void close() {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }
}
