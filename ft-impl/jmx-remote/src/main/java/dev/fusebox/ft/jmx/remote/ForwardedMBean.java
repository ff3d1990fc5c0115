package dev.fusebox.ft.jmx.remote;

import java.util.Arrays;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceNotFoundException;
import javax.management.IntrospectionException;
import javax.management.InvalidAttributeValueException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.ReflectionException;

/**
 * An MBean of another server (the platform's), served in the remote view under the same name:
 * every call is passed to that server. A read-only one describes its attributes as not writable
 * and has no operations, and refuses writes and invocations with {@link SecurityException}
 * ({@link ViewForwarder} refuses them first; this is the second wall). {@link Emitter} also
 * passes listeners on. Thread-safe; holds no state but the name.
 */
class ForwardedMBean implements DynamicMBean {

    private final MBeanServer source;
    private final ObjectName name;
    private final boolean readOnly;

    ForwardedMBean(MBeanServer source, ObjectName name, boolean readOnly) {
        this.source = source;
        this.name = name;
        this.readOnly = readOnly;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException,
            ReflectionException {
        try {
            return source.getAttribute(name, attribute);
        } catch (InstanceNotFoundException gone) {
            throw new MBeanException(gone, name + " is no longer registered");
        }
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        try {
            return source.getAttributes(name, attributes);
        } catch (InstanceNotFoundException | ReflectionException e) {
            return new AttributeList();
        }
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException, InvalidAttributeValueException,
            MBeanException, ReflectionException {
        refuseIfReadOnly();
        try {
            source.setAttribute(name, attribute);
        } catch (InstanceNotFoundException gone) {
            throw new MBeanException(gone, name + " is no longer registered");
        }
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        refuseIfReadOnly();
        try {
            return source.setAttributes(name, attributes);
        } catch (InstanceNotFoundException | ReflectionException e) {
            return new AttributeList();
        }
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws MBeanException,
            ReflectionException {
        refuseIfReadOnly();
        try {
            return source.invoke(name, operation, params, signature);
        } catch (InstanceNotFoundException gone) {
            throw new MBeanException(gone, name + " is no longer registered");
        }
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanInfo info;
        try {
            info = source.getMBeanInfo(name);
        } catch (InstanceNotFoundException | IntrospectionException | ReflectionException e) {
            throw new IllegalStateException(name + " cannot be described: " + e, e);
        }
        if (!readOnly) {
            return info;
        }
        MBeanAttributeInfo[] attributes = Arrays.stream(info.getAttributes())
                .map(a -> new MBeanAttributeInfo(a.getName(), a.getType(), a.getDescription(), a.isReadable(), false,
                        a.isIs(), a.getDescriptor()))
                .toArray(MBeanAttributeInfo[]::new);
        return new MBeanInfo(info.getClassName(), info.getDescription() + " (read-only remotely)", attributes,
                info.getConstructors(), new MBeanOperationInfo[0], info.getNotifications(), info.getDescriptor());
    }

    private void refuseIfReadOnly() {
        if (readOnly) {
            throw new SecurityException(name + " is exposed read-only");
        }
    }

    /**
     * A forwarded MBean that emits notifications: listeners are added to the source MBean.
     * Thread-safe; holds no state but the names and the source server.
     */
    static final class Emitter extends ForwardedMBean implements NotificationEmitter {

        private final MBeanServer source;
        private final ObjectName name;

        Emitter(MBeanServer source, ObjectName name, boolean readOnly) {
            super(source, name, readOnly);
            this.source = source;
            this.name = name;
        }

        @Override
        public void addNotificationListener(NotificationListener listener, NotificationFilter filter,
                                            Object handback) {
            try {
                source.addNotificationListener(name, listener, filter, handback);
            } catch (InstanceNotFoundException gone) {
                throw new IllegalStateException(name + " is no longer registered", gone);
            }
        }

        @Override
        public void removeNotificationListener(NotificationListener listener) throws ListenerNotFoundException {
            try {
                source.removeNotificationListener(name, listener);
            } catch (InstanceNotFoundException gone) {
                throw new ListenerNotFoundException(name + " is no longer registered");
            }
        }

        @Override
        public void removeNotificationListener(NotificationListener listener, NotificationFilter filter,
                                               Object handback) throws ListenerNotFoundException {
            try {
                source.removeNotificationListener(name, listener, filter, handback);
            } catch (InstanceNotFoundException gone) {
                throw new ListenerNotFoundException(name + " is no longer registered");
            }
        }

        @Override
        public MBeanNotificationInfo[] getNotificationInfo() {
            return getMBeanInfo().getNotifications();
        }
    }
}
