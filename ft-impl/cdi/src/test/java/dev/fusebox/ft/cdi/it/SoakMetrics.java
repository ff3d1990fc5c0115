package dev.fusebox.ft.cdi.it;

import dev.fusebox.ft.testing.Container;
import io.smallrye.metrics.setup.MetricCdiInjectionExtension;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.util.AnnotationLiteral;
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Reads the fault-tolerance metrics of {@link ChaosTargets} from the MicroProfile Metrics base
 * registry of a soak container (real SmallRye Metrics). Kept apart from the test class so that a
 * class path without the metrics libraries never loads these types. Thread-safe.
 */
final class SoakMetrics {

    private final MetricRegistry registry;

    SoakMetrics(Container container) {
        this.registry = container.bean(MetricRegistry.class, new Base());
    }

    /** The portable extension that makes SmallRye Metrics' registries beans. */
    static List<Extension> extensions() {
        return List.of(new MetricCdiInjectionExtension());
    }

    /** The counter {@code name} of {@code target} with the given further tags (name, value, ...). */
    long counter(ChaosTarget target, String name, String... tags) {
        Counter counter = registry.getCounters().get(id(target, name, tags));
        if (counter == null) {
            throw new AssertionError("no counter " + id(target, name, tags));
        }
        return counter.getCount();
    }

    /** The gauge {@code name} of {@code target}. */
    long gauge(ChaosTarget target, String name) {
        Gauge<?> gauge = registry.getGauges().get(id(target, name));
        if (gauge == null) {
            throw new AssertionError("no gauge " + id(target, name));
        }
        return ((Number) gauge.getValue()).longValue();
    }

    private static MetricID id(ChaosTarget target, String name, String... tags) {
        Tag[] all = new Tag[tags.length / 2 + 1];
        all[0] = new Tag("method", ChaosTargets.class.getCanonicalName() + "." + target.method);
        for (int i = 0; i < tags.length; i += 2) {
            all[i / 2 + 1] = new Tag(tags[i], tags[i + 1]);
        }
        return new MetricID(name, all);
    }

    /** {@code @RegistryType(type = BASE)}, where fault-tolerance metrics live. */
    @SuppressWarnings("all")
    private static final class Base extends AnnotationLiteral<RegistryType> implements RegistryType {
        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.BASE;
        }
    }
}
