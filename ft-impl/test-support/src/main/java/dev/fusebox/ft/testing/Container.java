package dev.fusebox.ft.testing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A real CDI SE container for the container tests of every module, started through the standard
 * {@link SeContainerInitializer}: Weld SE, or OpenWebBeans SE when a surefire execution puts it on
 * the class path instead (the settings each needs are in {@link SeImplementation}). Bean discovery off, the given
 * bean classes, and every Fusebox extension the module's class path offers (the fault tolerance
 * extension; with {@code fusebox-ft-jmx} its management; with {@code fusebox-ft-jmx-remote} its
 * remote access), found through their service files as an application finds them. It reads a real
 * SmallRye Config made of {@code properties} (ordinal 500), any further sources given, and the
 * usual ones. Extensions given explicitly replace the found ones of the same class. Each container gets its own context class loader, so each has its own Config. Close
 * it to stop the container (closing twice is harmless).
 *
 * <p>Not thread-safe: start, use and close it on one test thread; beans it hands out are as
 * thread-safe as their scopes make them.
 */
public final class Container implements AutoCloseable {

    private final SeContainer cdi;
    private final SeImplementation implementation;
    private final ClassLoader previous;
    private final SmallRyeConfig config;

    private Container(Map<String, String> properties, List<ConfigSource> sources, List<Extension> extensions,
                      Class<?>... beans) {
        previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[0], previous);
        config = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withSources(sources.toArray(ConfigSource[]::new)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            SeContainerInitializer builder = SeContainerInitializer.newInstance().disableDiscovery()
                    .addBeanClasses(beans);
            implementation = SeImplementation.of(builder);
            implementation.prepare(builder, loader, extensions);
            for (Extension found : fuseboxExtensions(loader)) {
                if (extensions.stream().noneMatch(given -> given.getClass() == found.getClass())) {
                    builder.addExtensions(found);
                }
            }
            extensions.forEach(builder::addExtensions);
            cdi = builder.initialize();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** A container of {@code beans} with the default configuration. */
    public static Container start(Class<?>... beans) {
        return new Container(Map.of(), List.of(), List.of(), beans);
    }

    /** A container of {@code beans} whose configuration holds {@code properties}. */
    public static Container start(Map<String, String> properties, Class<?>... beans) {
        return new Container(properties, List.of(), List.of(), beans);
    }

    /**
     * A container with further portable extensions (e.g. a metrics implementation's). A given
     * extension of the same class as one found on the class path replaces it (e.g. a Fusebox
     * extension made for virtual time).
     */
    public static Container start(Map<String, String> properties, List<Extension> extensions, Class<?>... beans) {
        return new Container(properties, List.of(), extensions, beans);
    }

    /** A container whose configuration also reads {@code source} (e.g. the operator overrides file). */
    public static Container withSource(ConfigSource source, Map<String, String> properties, Class<?>... beans) {
        return new Container(properties, List.of(source), List.of(), beans);
    }

    /** Every Fusebox extension whose service file is on the class path. */
    private static List<Extension> fuseboxExtensions(ClassLoader loader) {
        List<Extension> found = new ArrayList<>();
        for (Extension extension : ServiceLoader.load(Extension.class, loader)) {
            if (extension.getClass().getName().startsWith("dev.fusebox.")) {
                found.add(extension);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no Fusebox extension on the class path: the module under test must"
                    + " depend on fusebox-ft-cdi");
        }
        return found;
    }

    public <T> T bean(Class<T> type, Annotation... qualifiers) {
        return cdi.select(type, qualifiers).get();
    }

    /** The CDI implementation this container runs on. */
    public SeImplementation implementation() {
        return implementation;
    }

    /** The container's bean manager. */
    public BeanManager beanManager() {
        return cdi.getBeanManager();
    }

    /** The container's instance of the portable extension {@code type}. */
    public <E extends Extension> E extension(Class<E> type) {
        return cdi.getBeanManager().getExtension(type);
    }

    @Override
    public void close() {
        if (!cdi.isRunning()) {
            return;
        }
        try {
            cdi.close();
        } finally {
            release();
        }
    }

    private void release() {
        ConfigProviderResolver.instance().releaseConfig(config);
        Thread.currentThread().setContextClassLoader(previous);
    }
}
