package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.jmx.remote.RemoteView.Access;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceNotFoundException;
import javax.management.IntrospectionException;
import javax.management.InvalidAttributeValueException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.QueryExp;
import javax.management.ReflectionException;

/**
 * The only door from the remote connector to its {@link RemoteView}: every MBeanServer method is
 * declared here or in {@link LockedDownForwarder} and decided by {@link ViewGate}
 * ({@code ViewForwarderTest} fails if one is not).
 * Queries list Fusebox's and the exposed MBeans only (the view's delegate is hidden); reads need
 * a served name; changes need an operator; creating, registering, unregistering, instantiating and
 * deserializing are refused for every role, as are MBean-to-MBean listeners.
 *
 * <p>Class loaders: the connector asks for the loader of an MBean (to read a call's parameters) and
 * for named loaders and the class loader repository (to read {@code createMBean}'s parameters)
 * outside of the caller's subject. It is only ever given the platform class loader
 * ({@link AcceptedTypes#LOADER}) and an empty repository, never an MBean's or a named loader (an
 * {@code MLet}, say), so what it reads is limited to the JDK's classes, and further by the
 * connector's serial filter; the
 * call itself is then decided, as the caller, by the method it asks for. Thread-safe.
 */
final class ViewForwarder extends LockedDownForwarder {

    private final MBeanServer server;

    ViewForwarder(ViewGate gate) {
        super(gate);
        this.server = gate.view().server();
    }

    @Override
    public MBeanServer getMBeanServer() {
        return server;
    }

    /** The view is fixed: the connector may hand it back (when it installs this forwarder), nothing else. */
    @Override
    public void setMBeanServer(MBeanServer mbs) {
        if (mbs != server) {
            throw new IllegalArgumentException("the remote view's server is fixed");
        }
    }

    // reads

    @Override
    public Object getAttribute(ObjectName name, String attribute)
            throws MBeanException, AttributeNotFoundException, InstanceNotFoundException, ReflectionException {
        gate.read("getAttribute", name, attribute);
        return server.getAttribute(name, attribute);
    }

    @Override
    public AttributeList getAttributes(ObjectName name, String[] attributes)
            throws InstanceNotFoundException, ReflectionException {
        gate.read("getAttributes", name, attributes == null ? "[]" : Arrays.toString(attributes));
        return server.getAttributes(name, attributes);
    }

    @Override
    public MBeanInfo getMBeanInfo(ObjectName name)
            throws InstanceNotFoundException, IntrospectionException, ReflectionException {
        gate.read("getMBeanInfo", name, "the description");
        return server.getMBeanInfo(name);
    }

    @Override
    public ObjectInstance getObjectInstance(ObjectName name) throws InstanceNotFoundException {
        gate.read("getObjectInstance", name, "the class");
        return server.getObjectInstance(name);
    }

    @Override
    public boolean isInstanceOf(ObjectName name, String className) throws InstanceNotFoundException {
        gate.listen("isInstanceOf", name);
        return server.isInstanceOf(name, className);
    }

    @Override
    public boolean isRegistered(ObjectName name) {
        return gate.view().listed(name) || gate.view().access(name) == Access.DELEGATE;
    }

    @Override
    public Set<ObjectInstance> queryMBeans(ObjectName name, QueryExp query) {
        return server.queryMBeans(name, query).stream().filter(found -> gate.view().listed(found.getObjectName()))
                .collect(Collectors.toSet());
    }

    @Override
    public Set<ObjectName> queryNames(ObjectName name, QueryExp query) {
        return server.queryNames(name, query).stream().filter(gate.view()::listed).collect(Collectors.toSet());
    }

    @Override
    public Integer getMBeanCount() {
        return queryNames(null, null).size();
    }

    @Override
    public String getDefaultDomain() {
        return server.getDefaultDomain();
    }

    @Override
    public String[] getDomains() {
        return queryNames(null, null).stream().map(ObjectName::getDomain).distinct().sorted().toArray(String[]::new);
    }

    // changes

    @Override
    public Object invoke(ObjectName name, String operation, Object[] params, String[] signature)
            throws InstanceNotFoundException, MBeanException, ReflectionException {
        String what = operation + (signature == null ? "()" : "(" + String.join(", ", signature) + ")");
        if (gate.change("invoke", name, what) != Access.APPLICATION) {
            return server.invoke(name, operation, params, signature);
        }
        try {
            Object result = server.invoke(name, operation, params, signature);
            gate.changed("invoke", name, what, true, "");
            return result;
        } catch (InstanceNotFoundException | MBeanException | ReflectionException | RuntimeException e) {
            gate.changed("invoke", name, what, false, String.valueOf(e));
            throw e;
        }
    }

    @Override
    public void setAttribute(ObjectName name, Attribute attribute) throws InstanceNotFoundException,
            AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException {
        String what = attribute == null ? "null" : attribute.getName();
        if (gate.change("setAttribute", name, what) != Access.APPLICATION) {
            server.setAttribute(name, attribute);
            return;
        }
        String set = what + "=" + (attribute == null ? null : attribute.getValue());
        try {
            server.setAttribute(name, attribute);
            gate.changed("setAttribute", name, set, true, "");
        } catch (InstanceNotFoundException | AttributeNotFoundException | InvalidAttributeValueException
                | MBeanException | ReflectionException | RuntimeException e) {
            gate.changed("setAttribute", name, set, false, String.valueOf(e));
            throw e;
        }
    }

    @Override
    public AttributeList setAttributes(ObjectName name, AttributeList attributes)
            throws InstanceNotFoundException, ReflectionException {
        String what = attributes == null ? "[]" : attributes.asList().stream()
                .map(a -> a.getName() + "=" + a.getValue()).collect(Collectors.joining(", ", "[", "]"));
        Access access = gate.change("setAttributes", name, what);
        AttributeList set = server.setAttributes(name, attributes);
        if (access == Access.APPLICATION) {
            gate.changed("setAttributes", name, what, true, "set " + set.asList().stream().map(Attribute::getName)
                    .collect(Collectors.joining(", ", "[", "]")));
        }
        return set;
    }

    // listeners: object listeners come from in-process code (the connector's notification buffer);
    // a remote client's listener never reaches this server, only its subscription (isInstanceOf)

    @Override
    public void addNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
                                        Object handback) throws InstanceNotFoundException {
        gate.listen("addNotificationListener", name);
        server.addNotificationListener(name, listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener)
            throws InstanceNotFoundException, ListenerNotFoundException {
        gate.listen("removeNotificationListener", name);
        server.removeNotificationListener(name, listener);
    }

    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
                                           Object handback) throws InstanceNotFoundException, ListenerNotFoundException {
        gate.listen("removeNotificationListener", name);
        server.removeNotificationListener(name, listener, filter, handback);
    }
}
