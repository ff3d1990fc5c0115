package dev.fusebox.ft.testing;

import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The CDI SE implementations the test {@link Container} runs on, and the settings each needs
 * beyond the standard {@link SeContainerInitializer}. Whichever implementation is on the class path
 * is used ({@code SeContainerInitializer.newInstance()} fails with two); a module's surefire
 * executions choose by hiding the other one. Both touches go through class names and reflection,
 * so this module needs neither implementation to compile.
 * <ul>
 *   <li>Weld: a container id of its own per container, so several may run at once (Weld's
 *       default id is one per JVM).</li>
 *   <li>OpenWebBeans: it loads the extensions of the service files first and the given instances
 *       after them, and keeps the first instance of each class, so an extension given explicitly
 *       (a Fusebox extension made for virtual time) would be dropped for the service file's one.
 *       It is handed a {@code LoaderService} that lists the given instances first. And it runs on
 *       OpenWebBeans' default contexts service, the one its Arquillian container and a plain
 *       OpenWebBeans use, rather than the SE initializer's own: the default one keeps the
 *       Singleton context per thread, the stricter case for an extension's beans.</li>
 * </ul>
 * Stateless; thread-safe.
 */
public enum SeImplementation {
    WELD("org.jboss.weld.environment.se.Weld"),
    /** {@code SeContainerInitializer.newInstance()} gives OpenWebBeans' facade, which hands every call on. */
    OPENWEBBEANS("org.apache.openwebbeans.se.SeInitializerFacade", "org.apache.openwebbeans.se.OWBInitializer"),
    /** Any other implementation: used as the standard API alone offers it. */
    OTHER();

    private static final String OWB_LOADER_SERVICE = "org.apache.webbeans.spi.LoaderService";
    private static final String OWB_CONTEXTS_SERVICE = "org.apache.webbeans.spi.ContextsService";
    private static final String OWB_DEFAULT_CONTEXTS = "org.apache.webbeans.corespi.se.DefaultContextsService";

    private final List<String> initializerClasses;

    SeImplementation(String... initializerClasses) {
        this.initializerClasses = List.of(initializerClasses);
    }

    /** The implementation behind {@code initializer}. */
    public static SeImplementation of(SeContainerInitializer initializer) {
        for (SeImplementation implementation : values()) {
            if (implementation.initializerClasses.contains(initializer.getClass().getName())) {
                return implementation;
            }
        }
        return OTHER;
    }

    /** The implementation on this class path (the one {@code SeContainerInitializer.newInstance()} finds). */
    public static SeImplementation current() {
        return of(SeContainerInitializer.newInstance());
    }

    /**
     * Applies this implementation's setting to {@code initializer}, whose given extensions are
     * {@code given} and whose class loader is {@code loader}.
     */
    void prepare(SeContainerInitializer initializer, ClassLoader loader, List<Extension> given) {
        switch (this) {
            case WELD -> invoke(initializer, "containerId", "fusebox-test-" + System.nanoTime());
            case OPENWEBBEANS -> initializer.addProperty(OWB_LOADER_SERVICE, givenExtensionsFirst(loader, given))
                    .addProperty(OWB_CONTEXTS_SERVICE, OWB_DEFAULT_CONTEXTS);
            case OTHER -> { }
        }
    }

    private static void invoke(Object target, String method, String argument) {
        try {
            target.getClass().getMethod(method, String.class).invoke(target, argument);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(target.getClass().getName() + "." + method + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass().getName() + " has no " + method + "(String)", e);
        }
    }

    /**
     * An OpenWebBeans {@code LoaderService} (a non-String property value replaces the service) that
     * loads services with {@link ServiceLoader} as OpenWebBeans' own does, except that for
     * {@link Extension} the {@code given} instances come first and a found extension of the same
     * class as a given one is left out.
     */
    private static Object givenExtensionsFirst(ClassLoader loader, List<Extension> given) {
        Class<?> service;
        try {
            service = Class.forName(OWB_LOADER_SERVICE, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("OpenWebBeans' SE initializer without its SPI on the class path", e);
        }
        return Proxy.newProxyInstance(loader, new Class<?>[] {service}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "Fusebox test LoaderService (given extensions first)";
                default:
                    break;
            }
            Class<?> type = (Class<?>) args[0];
            ClassLoader from = args.length > 1 && args[1] != null ? (ClassLoader) args[1] : loader;
            List<Object> loaded = new ArrayList<>();
            if (type == Extension.class) {
                loaded.addAll(given);
            }
            for (Object found : ServiceLoader.load(type, from)) {
                if (loaded.stream().noneMatch(earlier -> earlier.getClass() == found.getClass())) {
                    loaded.add(found);
                }
            }
            return loaded;
        });
    }
}
