package dev.fusebox.ft.jmx.it;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.management.ManagementNames;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real Weld SE container with the Fusebox extensions (added by hand: discovery is off, so their
 * service files are not read; {@code ServiceFileTest} checks those) and the given bean classes, reading a real SmallRye Config made of {@code properties}; each container
 * has its own context class loader and so its own Config. Close it to stop the container.
 */
final class Container implements AutoCloseable {

    static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private final WeldContainer weld;
    private final ClassLoader previous;
    private final SmallRyeConfig config;

    private Container(Map<String, String> properties, Class<?>... beans) {
        this(properties, null, beans);
    }

    private Container(Map<String, String> properties, java.nio.file.Path overrides, Class<?>... beans) {
        previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[0], previous);
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test", 500));
        if (overrides != null) {
            builder.withSources(new dev.fusebox.ft.configsource.OverridesConfigSource(overrides, 600));
        }
        config = builder.build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            weld = new Weld("fusebox-jmx-test-" + System.nanoTime()).disableDiscovery().addBeanClasses(beans)
                    .addExtension(new FaultToleranceExtension()).addExtension(new ManagementExtension()).initialize();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    static Container start(Map<String, String> properties, Class<?>... beans) {
        return new Container(properties, beans);
    }

    /** A container whose configuration also reads the operator overrides file {@code overrides}. */
    static Container withOverrides(java.nio.file.Path overrides, Map<String, String> properties, Class<?>... beans) {
        return new Container(properties, overrides, beans);
    }

    static Container start(Class<?>... beans) {
        return new Container(Map.of(), beans);
    }

    <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    /** The application name management registered under. */
    String application() {
        return weld.getBeanManager().getExtension(ManagementExtension.class).application();
    }

    ObjectName registry() {
        return ManagementNames.registry(application());
    }

    ObjectName name(String type, Class<?> beanClass, String method) {
        return ManagementNames.of(type, application(), beanClass.getName(), method);
    }

    <T> T proxy(ObjectName name, Class<T> mxbean) {
        return JMX.newMXBeanProxy(SERVER, name, mxbean, true);
    }

    @Override
    public void close() {
        if (!weld.isRunning()) {
            return;
        }
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
