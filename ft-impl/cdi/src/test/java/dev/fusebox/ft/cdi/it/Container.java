package dev.fusebox.ft.cdi.it;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real Weld SE container with the Fusebox extension and the given bean classes, reading a real
 * SmallRye Config made of {@code properties} (plus the usual sources). Each container gets its own
 * context class loader, so each has its own Config. Close it to stop the container. A container
 * may run on a {@link VirtualTime} ({@link #inVirtualTime}). Used by one test thread at a time.
 */
final class Container implements AutoCloseable {

    private final WeldContainer weld;
    private final ClassLoader previous;
    private final ClassLoader loader;
    private final SmallRyeConfig config;

    private Container(Map<String, String> properties, Class<?>... beans) {
        this(properties, new FaultToleranceExtension(), java.util.List.of(), beans);
    }

    private Container(Map<String, String> properties, FaultToleranceExtension fusebox,
                      java.util.List<jakarta.enterprise.inject.spi.Extension> extensions, Class<?>... beans) {
        previous = Thread.currentThread().getContextClassLoader();
        loader = new URLClassLoader(new URL[0], previous);
        config = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Weld builder = new Weld("fusebox-test-" + System.nanoTime()).disableDiscovery().addBeanClasses(beans)
                    .addExtension(fusebox);
            extensions.forEach(builder::addExtension);
            weld = builder.initialize();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    static Container start(Class<?>... beans) {
        return new Container(Map.of(), beans);
    }

    /** A container whose Fusebox runs on {@code time}: delays, expiry and timeouts wait for the test. */
    static Container inVirtualTime(VirtualTime time, Class<?>... beans) {
        return new Container(Map.of(), VirtualTimeExtension.on(time), java.util.List.of(), beans);
    }

    /** The same, with further portable extensions (e.g. a metrics implementation's). */
    static Container inVirtualTime(VirtualTime time, java.util.List<jakarta.enterprise.inject.spi.Extension> extensions,
                                   Class<?>... beans) {
        return new Container(Map.of(), VirtualTimeExtension.on(time), extensions, beans);
    }

    /** A container with further portable extensions (e.g. a metrics implementation's). */
    static Container start(Map<String, String> properties, java.util.List<jakarta.enterprise.inject.spi.Extension> extensions,
                           Class<?>... beans) {
        return new Container(properties, new FaultToleranceExtension(), extensions, beans);
    }

    <T> T bean(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
        return weld.select(type, qualifiers).get();
    }

    static Container start(Map<String, String> properties, Class<?>... beans) {
        return new Container(properties, beans);
    }

    <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    @Override
    public void close() {
        try {
            weld.close();
        } finally {
            release();
        }
    }

    private void release() {
        ConfigProviderResolver.instance().releaseConfig(config);
        Thread.currentThread().setContextClassLoader(previous);
    }
}
