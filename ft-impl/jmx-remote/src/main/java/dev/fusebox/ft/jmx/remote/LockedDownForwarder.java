package dev.fusebox.ft.jmx.remote;

import java.io.ObjectInputStream;
import javax.management.NotificationFilter;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.loading.ClassLoaderRepository;
import javax.management.remote.MBeanServerForwarder;

/**
 * The part of the remote connector's {@link MBeanServerForwarder} that is the same for every
 * caller: creating, registering and unregistering MBeans, instantiating classes, deserializing and
 * MBean-to-MBean listeners are refused (audited through {@link ViewGate}); the connector's own
 * class-loader lookups get the platform class loader ({@link AcceptedTypes#LOADER}) and an empty
 * repository (see {@link ViewForwarder}).
 * Thread-safe.
 */
abstract class LockedDownForwarder implements MBeanServerForwarder {

    private static final String NEVER_CREATES = "the connector serves Fusebox's MBeans and never creates,"
            + " registers or removes one";
    private static final String NO_MBEAN_LISTENERS = "MBean-to-MBean listeners are not allowed";

    /** A repository that finds no class. */
    static final ClassLoaderRepository NO_CLASSES = new ClassLoaderRepository() {
        @Override
        public Class<?> loadClass(String className) throws ClassNotFoundException {
            throw new ClassNotFoundException(className + ": the remote connector loads no classes by name");
        }

        @Override
        public Class<?> loadClassWithout(ClassLoader exclude, String className) throws ClassNotFoundException {
            return loadClass(className);
        }

        @Override
        public Class<?> loadClassBefore(ClassLoader stop, String className) throws ClassNotFoundException {
            return loadClass(className);
        }
    };

    final ViewGate gate;

    LockedDownForwarder(ViewGate gate) {
        this.gate = gate;
    }

    @Override
    public void addNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
                                        Object handback) {
        throw gate.refuseAlways("addNotificationListener", name + " with the MBean " + listener + " as listener",
                NO_MBEAN_LISTENERS);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener) {
        throw gate.refuseAlways("removeNotificationListener", name + " with the MBean " + listener + " as listener",
                NO_MBEAN_LISTENERS);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
                                           Object handback) {
        throw gate.refuseAlways("removeNotificationListener", name + " with the MBean " + listener + " as listener",
                NO_MBEAN_LISTENERS);
    }

    // class loaders: see the class notes

    @Override
    public ClassLoader getClassLoaderFor(ObjectName name) {
        return AcceptedTypes.LOADER;
    }

    @Override
    public ClassLoader getClassLoader(ObjectName loaderName) {
        return AcceptedTypes.LOADER;
    }

    @Override
    public ClassLoaderRepository getClassLoaderRepository() {
        return NO_CLASSES;
    }

    // refused for everyone

    @Override
    public ObjectInstance createMBean(String className, ObjectName name) {
        throw gate.refuseAlways("createMBean", className + " as " + name, NEVER_CREATES);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName) {
        throw gate.refuseAlways("createMBean", className + " as " + name, NEVER_CREATES);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, Object[] params, String[] signature) {
        throw gate.refuseAlways("createMBean", className + " as " + name, NEVER_CREATES);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName, Object[] params,
                                      String[] signature) {
        throw gate.refuseAlways("createMBean", className + " as " + name, NEVER_CREATES);
    }

    @Override
    public ObjectInstance registerMBean(Object object, ObjectName name) {
        throw gate.refuseAlways("registerMBean", String.valueOf(name), NEVER_CREATES);
    }

    @Override
    public void unregisterMBean(ObjectName name) {
        throw gate.refuseAlways("unregisterMBean", String.valueOf(name), NEVER_CREATES);
    }

    @Override
    public Object instantiate(String className) {
        throw gate.refuseAlways("instantiate", className, "the connector loads no classes by name");
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName) {
        throw gate.refuseAlways("instantiate", className, "the connector loads no classes by name");
    }

    @Override
    public Object instantiate(String className, Object[] params, String[] signature) {
        throw gate.refuseAlways("instantiate", className, "the connector loads no classes by name");
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName, Object[] params, String[] signature) {
        throw gate.refuseAlways("instantiate", className, "the connector loads no classes by name");
    }

    @Override
    @Deprecated
    public ObjectInputStream deserialize(ObjectName name, byte[] data) {
        throw gate.refuseAlways("deserialize", String.valueOf(name), "the connector deserializes nothing for callers");
    }

    @Override
    @Deprecated
    public ObjectInputStream deserialize(String className, byte[] data) {
        throw gate.refuseAlways("deserialize", className, "the connector deserializes nothing for callers");
    }

    @Override
    @Deprecated
    public ObjectInputStream deserialize(String className, ObjectName loaderName, byte[] data) {
        throw gate.refuseAlways("deserialize", className, "the connector deserializes nothing for callers");
    }
}
