package dev.fusebox.ft.jmx.remote;

import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.AccessController;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.IntrospectionException;
import javax.management.InvalidAttributeValueException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.NotCompliantMBeanException;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.OperationsException;
import javax.management.QueryExp;
import javax.management.ReflectionException;
import javax.management.loading.ClassLoaderRepository;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;

/**
 * Lets operators do everything and viewers only read, in front of the MBeanServer of the remote
 * connector. The caller's role is the {@link RoleGrant} that {@link PasswordAuthenticator} put in
 * the caller's {@link Subject}; a call without one (no subject, or a delegated subject) counts as
 * no role at all.
 *
 * <p>Reads, allowed to anyone the connector let in: getAttribute(s), getMBeanInfo,
 * getObjectInstance, queryNames, queryMBeans, isRegistered, isInstanceOf, getMBeanCount,
 * getDefaultDomain, getDomains, adding and removing notification listeners, and the class-loader
 * lookups the connector itself makes to unmarshal parameters. They are allowed without a grant
 * because the connector makes some of them on its own behalf (its notification buffer). Everything
 * else needs {@link Role#OPERATOR}: invoke, setAttribute(s), createMBean, registerMBean,
 * unregisterMBean, instantiate, deserialize. A refusal is a {@link SecurityException} saying who
 * was refused and why, also logged at WARNING.
 *
 * <p>Why this and not the JDK's {@code jmx.remote.x.access.file}: the access file can only say
 * "access denied", has no way to share the credentials file's roles, and is read by JDK-internal
 * code; this class says which role was needed and is tested with the rest. Thread-safe.
 */
final class RoleForwarder implements MBeanServerForwarder {

    private static final System.Logger LOG = System.getLogger(RoleForwarder.class.getName());
    /** {@code Subject.current()} (Java 18+), which later JDKs need; absent on 17. */
    private static final MethodHandle SUBJECT_CURRENT = subjectCurrent();

    private volatile MBeanServer server;

    @Override
    public MBeanServer getMBeanServer() {
        return server;
    }

    @Override
    public void setMBeanServer(MBeanServer server) {
        this.server = server;
    }

    // ---- reads ----

    @Override
    public Object getAttribute(ObjectName name, String attribute)
            throws MBeanException, AttributeNotFoundException, InstanceNotFoundException, ReflectionException {
        return server.getAttribute(name, attribute);
    }

    @Override
    public AttributeList getAttributes(ObjectName name, String[] attributes)
            throws InstanceNotFoundException, ReflectionException {
        return server.getAttributes(name, attributes);
    }

    @Override
    public MBeanInfo getMBeanInfo(ObjectName name)
            throws InstanceNotFoundException, IntrospectionException, ReflectionException {
        return server.getMBeanInfo(name);
    }

    @Override
    public ObjectInstance getObjectInstance(ObjectName name) throws InstanceNotFoundException {
        return server.getObjectInstance(name);
    }

    @Override
    public Set<ObjectInstance> queryMBeans(ObjectName name, QueryExp query) {
        return server.queryMBeans(name, query);
    }

    @Override
    public Set<ObjectName> queryNames(ObjectName name, QueryExp query) {
        return server.queryNames(name, query);
    }

    @Override
    public boolean isRegistered(ObjectName name) {
        return server.isRegistered(name);
    }

    @Override
    public boolean isInstanceOf(ObjectName name, String className) throws InstanceNotFoundException {
        return server.isInstanceOf(name, className);
    }

    @Override
    public Integer getMBeanCount() {
        return server.getMBeanCount();
    }

    @Override
    public String getDefaultDomain() {
        return server.getDefaultDomain();
    }

    @Override
    public String[] getDomains() {
        return server.getDomains();
    }

    @Override
    public void addNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
            Object handback) throws InstanceNotFoundException {
        server.addNotificationListener(name, listener, filter, handback);
    }

    @Override
    public void addNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
            Object handback) throws InstanceNotFoundException {
        server.addNotificationListener(name, listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener)
            throws InstanceNotFoundException, ListenerNotFoundException {
        server.removeNotificationListener(name, listener);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
            Object handback) throws InstanceNotFoundException, ListenerNotFoundException {
        server.removeNotificationListener(name, listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener)
            throws InstanceNotFoundException, ListenerNotFoundException {
        server.removeNotificationListener(name, listener);
    }

    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
            Object handback) throws InstanceNotFoundException, ListenerNotFoundException {
        server.removeNotificationListener(name, listener, filter, handback);
    }

    @Override
    public ClassLoader getClassLoaderFor(ObjectName name) throws InstanceNotFoundException {
        return server.getClassLoaderFor(name);
    }

    @Override
    public ClassLoader getClassLoader(ObjectName name) throws InstanceNotFoundException {
        return server.getClassLoader(name);
    }

    @Override
    public ClassLoaderRepository getClassLoaderRepository() {
        return server.getClassLoaderRepository();
    }

    // ---- writes: operators only ----

    @Override
    public Object invoke(ObjectName name, String operation, Object[] params, String[] signature)
            throws InstanceNotFoundException, MBeanException, ReflectionException {
        requireOperator("invoke of " + operation + " on " + name);
        return server.invoke(name, operation, params, signature);
    }

    @Override
    public void setAttribute(ObjectName name, Attribute attribute) throws InstanceNotFoundException,
            AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException {
        requireOperator("setAttribute of " + (attribute == null ? null : attribute.getName()) + " on " + name);
        server.setAttribute(name, attribute);
    }

    @Override
    public AttributeList setAttributes(ObjectName name, AttributeList attributes)
            throws InstanceNotFoundException, ReflectionException {
        requireOperator("setAttributes on " + name);
        return server.setAttributes(name, attributes);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name) throws ReflectionException,
            InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException, NotCompliantMBeanException {
        requireOperator("createMBean of " + className);
        return server.createMBean(className, name);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName)
            throws ReflectionException, InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException,
            NotCompliantMBeanException, InstanceNotFoundException {
        requireOperator("createMBean of " + className);
        return server.createMBean(className, name, loaderName);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, Object[] params, String[] signature)
            throws ReflectionException, InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException,
            NotCompliantMBeanException {
        requireOperator("createMBean of " + className);
        return server.createMBean(className, name, params, signature);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName, Object[] params,
            String[] signature) throws ReflectionException, InstanceAlreadyExistsException,
            MBeanRegistrationException, MBeanException, NotCompliantMBeanException, InstanceNotFoundException {
        requireOperator("createMBean of " + className);
        return server.createMBean(className, name, loaderName, params, signature);
    }

    @Override
    public ObjectInstance registerMBean(Object object, ObjectName name)
            throws InstanceAlreadyExistsException, MBeanRegistrationException, NotCompliantMBeanException {
        requireOperator("registerMBean as " + name);
        return server.registerMBean(object, name);
    }

    @Override
    public void unregisterMBean(ObjectName name) throws InstanceNotFoundException, MBeanRegistrationException {
        requireOperator("unregisterMBean of " + name);
        server.unregisterMBean(name);
    }

    @Override
    public Object instantiate(String className) throws ReflectionException, MBeanException {
        requireOperator("instantiate of " + className);
        return server.instantiate(className);
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName)
            throws ReflectionException, MBeanException, InstanceNotFoundException {
        requireOperator("instantiate of " + className);
        return server.instantiate(className, loaderName);
    }

    @Override
    public Object instantiate(String className, Object[] params, String[] signature)
            throws ReflectionException, MBeanException {
        requireOperator("instantiate of " + className);
        return server.instantiate(className, params, signature);
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName, Object[] params, String[] signature)
            throws ReflectionException, MBeanException, InstanceNotFoundException {
        requireOperator("instantiate of " + className);
        return server.instantiate(className, loaderName, params, signature);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public ObjectInputStream deserialize(ObjectName name, byte[] data)
            throws InstanceNotFoundException, OperationsException {
        requireOperator("deserialize");
        return server.deserialize(name, data);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public ObjectInputStream deserialize(String className, byte[] data)
            throws OperationsException, ReflectionException {
        requireOperator("deserialize");
        return server.deserialize(className, data);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public ObjectInputStream deserialize(String className, ObjectName loaderName, byte[] data)
            throws InstanceNotFoundException, OperationsException, ReflectionException {
        requireOperator("deserialize");
        return server.deserialize(className, loaderName, data);
    }

    // ---- the check ----

    private static void requireOperator(String operation) {
        RoleGrant grant = grantOf(callerSubject());
        if (grant != null && grant.role() == Role.OPERATOR) {
            return;
        }
        String message = grant == null ? "no authenticated user; " + operation + " needs role operator"
                : "user " + grant.user() + " has role " + grant.role().word() + "; " + operation
                        + " needs role operator";
        LOG.log(System.Logger.Level.WARNING, "remote JMX call refused: " + message);
        throw new SecurityException(message);
    }

    private static RoleGrant grantOf(Subject subject) {
        if (subject == null) {
            return null;
        }
        Set<RoleGrant> grants = subject.getPrivateCredentials(RoleGrant.class);
        return grants.size() == 1 ? grants.iterator().next() : null;
    }

    /** The subject the connector runs this call as, or {@code null}. */
    @SuppressWarnings("removal")
    static Subject callerSubject() {
        if (SUBJECT_CURRENT != null) {
            try {
                return (Subject) SUBJECT_CURRENT.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return Subject.getSubject(AccessController.getContext());
    }

    private static MethodHandle subjectCurrent() {
        try {
            return MethodHandles.publicLookup().findStatic(Subject.class, "current", MethodType.methodType(Subject.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
