package dev.fusebox.ft.benchmarks;

import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container holding exactly the given bean classes, with every portable extension that
 * the class path declares in {@code META-INF/services}. Discovery is off (scanning an uber-jar would
 * make beans of the libraries themselves), so the extensions are added here instead of by Weld:
 * that is how one source serves both Fusebox and SmallRye Fault Tolerance. Not thread-safe: start
 * and close it from one thread.
 */
final class BenchmarkContainer implements AutoCloseable {

    private final WeldContainer weld;

    private BenchmarkContainer(WeldContainer weld) {
        this.weld = weld;
    }

    static BenchmarkContainer start(Class<?>... beanClasses) {
        List<Extension> extensions = new ArrayList<>();
        ServiceLoader.load(Extension.class).forEach(extensions::add);
        if (extensions.isEmpty()) {
            throw new IllegalStateException("no CDI portable extension on the class path: nothing to benchmark");
        }
        Weld builder = new Weld("benchmark-" + System.nanoTime()).disableDiscovery().addBeanClasses(beanClasses);
        extensions.forEach(builder::addExtension);
        System.out.println("CDI extensions under test: "
                + extensions.stream().map(e -> e.getClass().getName()).toList());
        return new BenchmarkContainer(builder.initialize());
    }

    <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    @Override
    public void close() {
        weld.close();
    }
}
