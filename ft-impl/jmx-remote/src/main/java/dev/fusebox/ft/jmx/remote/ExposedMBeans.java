package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.management.ManagementNames;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationBroadcaster;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.relation.MBeanServerNotificationFilter;

/**
 * Mirrors into the remote view the MBeans of a source server (the platform's) whose names match
 * the patterns the application listed in {@code fusebox.jmx.remote.expose}: each one is served
 * through a {@link ForwardedMBean}, read-only when its domain is the JDK's ({@code java.*},
 * {@code javax.*}, {@code jdk.*}, {@code com.sun.*}, {@code sun.*}). Names of Fusebox's domain and
 * {@code JMImplementation} are never mirrored, whatever the patterns say: only Fusebox puts names
 * under {@value ManagementNames#DOMAIN} in the view.
 *
 * <p>Implementation notes. The mirror listens to the source's delegate before it lists what is
 * registered, so no registration is missed; one seen twice is registered once
 * ({@code putIfAbsent}). A source MBean that goes away between being listed and being mirrored is
 * dropped again right after (the check after registering). Registration notifications arrive on
 * the thread that registered the source MBean; the work done there is one registration in the
 * view. Thread-safe: the map of mirrored names is concurrent.
 */
final class ExposedMBeans implements NotificationListener, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ExposedMBeans.class.getName());
    private static final List<String> JDK_DOMAINS = List.of("java.", "javax.", "jdk.", "com.sun.", "sun.");

    private final MBeanServer source;
    private final List<ObjectName> patterns;
    private final MBeanServer view;
    /** Mirrored names, to whether they are read-only. */
    private final Map<ObjectName, Boolean> mirrored = new ConcurrentHashMap<>();
    private volatile boolean listening;

    ExposedMBeans(MBeanServer source, List<ObjectName> patterns, MBeanServer view) {
        this.source = source;
        this.patterns = List.copyOf(patterns);
        this.view = view;
    }

    void start() {
        if (patterns.isEmpty()) {
            return;
        }
        MBeanServerNotificationFilter filter = new MBeanServerNotificationFilter();
        filter.enableAllObjectNames();
        try {
            source.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this, filter, null);
        } catch (InstanceNotFoundException e) {
            throw new IllegalStateException("the source MBean server has no delegate", e);
        }
        listening = true;
        for (ObjectName pattern : patterns) {
            source.queryNames(pattern, null).forEach(this::mirror);
        }
    }

    /** {@code null} when {@code name} is not mirrored, else whether it is read-only. */
    Boolean readOnly(ObjectName name) {
        return mirrored.get(name);
    }

    /** Whether an exposed pattern matches {@code name} (mirrored or not). */
    boolean covers(ObjectName name) {
        return exposable(name) && patterns.stream().anyMatch(pattern -> pattern.apply(name));
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!(notification instanceof MBeanServerNotification registration)) {
            return;
        }
        ObjectName name = registration.getMBeanName();
        if (MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(registration.getType())) {
            if (covers(name)) {
                mirror(name);
            }
        } else if (MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(registration.getType())) {
            drop(name);
        }
    }

    private void mirror(ObjectName name) {
        if (!exposable(name)) {
            return;
        }
        boolean readOnly = JDK_DOMAINS.stream().anyMatch(name.getDomain()::startsWith);
        if (mirrored.putIfAbsent(name, readOnly) != null) {
            return;
        }
        try {
            boolean emits = source.isInstanceOf(name, NotificationBroadcaster.class.getName());
            ForwardedMBean forwarded = emits ? new ForwardedMBean.Emitter(source, name, readOnly)
                    : new ForwardedMBean(source, name, readOnly);
            view.registerMBean(forwarded, name);
        } catch (InstanceAlreadyExistsException already) {
            return;
        } catch (JMException | RuntimeException e) {
            mirrored.remove(name);
            LOG.log(System.Logger.Level.WARNING, "could not expose " + name + " to remote clients", e);
            return;
        }
        if (!source.isRegistered(name)) {
            drop(name);
        }
    }

    private void drop(ObjectName name) {
        if (mirrored.remove(name) == null) {
            return;
        }
        try {
            view.unregisterMBean(name);
        } catch (InstanceNotFoundException gone) {
            // dropped concurrently
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop exposing " + name, e);
        }
    }

    private static boolean exposable(ObjectName name) {
        String domain = name.getDomain();
        return !ManagementNames.DOMAIN.equals(domain) && !"JMImplementation".equals(domain);
    }

    /** Stops listening to the source; the view server goes away with the connector. */
    @Override
    public void close() {
        if (!listening) {
            return;
        }
        listening = false;
        try {
            source.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this);
        } catch (InstanceNotFoundException | ListenerNotFoundException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop mirroring the exposed MBeans", e);
        }
    }
}
