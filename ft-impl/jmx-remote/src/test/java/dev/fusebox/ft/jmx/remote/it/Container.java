package dev.fusebox.ft.jmx.remote.it;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import dev.fusebox.ft.management.ManagementNames;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.remote.JMXServiceURL;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real Weld SE container with Fusebox, its JMX management and its remote access (extensions
 * added by hand: discovery is off, so their service files are not read; {@code ServiceFileTest}
 * checks those) and the given bean classes, reading a real SmallRye Config made of
 * {@code properties}; each container has its own context class loader and so its own Config.
 * Close it to stop the container.
 */
final class Container implements AutoCloseable {

    private final WeldContainer weld;
    private final ClassLoader previous;
    private final SmallRyeConfig config;

    private Container(Map<String, String> properties, Class<?>... beans) {
        previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[0], previous);
        config = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            weld = new Weld("fusebox-jmx-remote-test-" + System.nanoTime()).disableDiscovery().addBeanClasses(beans)
                    .addExtension(new FaultToleranceExtension()).addExtension(new ManagementExtension())
                    .addExtension(new RemoteAccessExtension()).initialize();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    static Container start(Map<String, String> properties, Class<?>... beans) {
        return new Container(properties, beans);
    }

    <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    /** Where remote clients connect, or null when the remote connector is off. */
    JMXServiceURL remoteAddress() {
        return weld.getBeanManager().getExtension(RemoteAccessExtension.class).remoteAddress();
    }

    /** The application name management registered under. */
    String application() {
        return weld.getBeanManager().getExtension(ManagementExtension.class).application();
    }

    ObjectName name(String type, Class<?> beanClass, String method) {
        return ManagementNames.of(type, application(), beanClass.getName(), method);
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
