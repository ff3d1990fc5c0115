package dev.fusebox.ft.jmx.it;

import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import java.lang.management.ManagementFactory;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The MXBeans management registered for a test {@link Container}: their names and proxies on the
 * platform MBeanServer. Stateless; thread-safe.
 */
final class MBeans {

    static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private MBeans() {
    }

    /** The application name management registered {@code container} under. */
    static String application(Container container) {
        return container.extension(ManagementExtension.class).application();
    }

    static ObjectName registry(Container container) {
        return ManagementNames.registry(application(container));
    }

    static ObjectName name(Container container, String type, Class<?> beanClass, String method) {
        return ManagementNames.of(type, application(container), beanClass.getName(), method);
    }

    static <T> T proxy(ObjectName name, Class<T> mxbean) {
        return JMX.newMXBeanProxy(SERVER, name, mxbean, true);
    }
}
