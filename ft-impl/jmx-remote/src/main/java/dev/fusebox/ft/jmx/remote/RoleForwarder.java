package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.jmx.JmxCaller;
import java.io.ObjectInputStream;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.InvalidAttributeValueException;
import javax.management.MBeanException;
import javax.management.MBeanRegistrationException;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.OperationsException;
import javax.management.ReflectionException;
import javax.security.auth.Subject;

/**
 * Lets operators do everything and viewers only read, in front of the MBeanServer of the remote
 * connector. The caller's role is the {@link RoleGrant} that {@link PasswordAuthenticator} put in
 * the caller's {@link Subject}; a call without one (no subject, or a delegated subject) counts as
 * no role at all.
 *
 * <p>Reads, passed on unchanged by {@link ForwardingMBeanServer} and allowed to anyone the
 * connector let in: getAttribute(s), getMBeanInfo, getObjectInstance, queryNames, queryMBeans,
 * isRegistered, isInstanceOf, getMBeanCount, getDefaultDomain, getDomains, adding and removing
 * notification listeners, and the class-loader lookups the connector itself makes to unmarshal
 * parameters. They need no grant because the connector makes some of them on its own behalf (its
 * notification buffer). Everything else is overridden here and needs {@link Role#OPERATOR}:
 * invoke, setAttribute(s), createMBean, registerMBean, unregisterMBean, instantiate, deserialize
 * ({@code RoleForwarderTest} fails if an MBeanServer method is neither a read nor overridden). A
 * refusal is a {@link SecurityException} saying who was refused and why, also logged at WARNING.
 *
 * <p>Why this and not the JDK's {@code jmx.remote.x.access.file}: the access file can only say
 * "access denied", has no way to share the credentials file's roles, and is read by JDK-internal
 * code; this class says which role was needed and is tested with the rest. Thread-safe.
 */
final class RoleForwarder extends ForwardingMBeanServer {

    private static final System.Logger LOG = System.getLogger(RoleForwarder.class.getName());

    @Override
    public Object invoke(ObjectName name, String operation, Object[] params, String[] signature)
            throws InstanceNotFoundException, MBeanException, ReflectionException {
        requireOperator("invoke of " + operation + " on " + name);
        return super.invoke(name, operation, params, signature);
    }

    @Override
    public void setAttribute(ObjectName name, Attribute attribute) throws InstanceNotFoundException,
            AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException {
        requireOperator("setAttribute of " + (attribute == null ? null : attribute.getName()) + " on " + name);
        super.setAttribute(name, attribute);
    }

    @Override
    public AttributeList setAttributes(ObjectName name, AttributeList attributes)
            throws InstanceNotFoundException, ReflectionException {
        requireOperator("setAttributes on " + name);
        return super.setAttributes(name, attributes);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name) throws ReflectionException,
            InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException, NotCompliantMBeanException {
        requireOperator("createMBean of " + className);
        return super.createMBean(className, name);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName)
            throws ReflectionException, InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException,
            NotCompliantMBeanException, InstanceNotFoundException {
        requireOperator("createMBean of " + className);
        return super.createMBean(className, name, loaderName);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, Object[] params, String[] signature)
            throws ReflectionException, InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException,
            NotCompliantMBeanException {
        requireOperator("createMBean of " + className);
        return super.createMBean(className, name, params, signature);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName, Object[] params,
            String[] signature) throws ReflectionException, InstanceAlreadyExistsException,
            MBeanRegistrationException, MBeanException, NotCompliantMBeanException, InstanceNotFoundException {
        requireOperator("createMBean of " + className);
        return super.createMBean(className, name, loaderName, params, signature);
    }

    @Override
    public ObjectInstance registerMBean(Object object, ObjectName name)
            throws InstanceAlreadyExistsException, MBeanRegistrationException, NotCompliantMBeanException {
        requireOperator("registerMBean as " + name);
        return super.registerMBean(object, name);
    }

    @Override
    public void unregisterMBean(ObjectName name) throws InstanceNotFoundException, MBeanRegistrationException {
        requireOperator("unregisterMBean of " + name);
        super.unregisterMBean(name);
    }

    @Override
    public Object instantiate(String className) throws ReflectionException, MBeanException {
        requireOperator("instantiate of " + className);
        return super.instantiate(className);
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName)
            throws ReflectionException, MBeanException, InstanceNotFoundException {
        requireOperator("instantiate of " + className);
        return super.instantiate(className, loaderName);
    }

    @Override
    public Object instantiate(String className, Object[] params, String[] signature)
            throws ReflectionException, MBeanException {
        requireOperator("instantiate of " + className);
        return super.instantiate(className, params, signature);
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName, Object[] params, String[] signature)
            throws ReflectionException, MBeanException, InstanceNotFoundException {
        requireOperator("instantiate of " + className);
        return super.instantiate(className, loaderName, params, signature);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public ObjectInputStream deserialize(ObjectName name, byte[] data)
            throws InstanceNotFoundException, OperationsException {
        requireOperator("deserialize");
        return super.deserialize(name, data);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public ObjectInputStream deserialize(String className, byte[] data)
            throws OperationsException, ReflectionException {
        requireOperator("deserialize");
        return super.deserialize(className, data);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public ObjectInputStream deserialize(String className, ObjectName loaderName, byte[] data)
            throws InstanceNotFoundException, OperationsException, ReflectionException {
        requireOperator("deserialize");
        return super.deserialize(className, loaderName, data);
    }

    // ---- the check ----

    private static void requireOperator(String operation) {
        RoleGrant grant = grantOf(JmxCaller.subject());
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
}
