package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.jmx.PublishedMBean;
import dev.fusebox.ft.management.ManagementNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * The MBean server remote clients are served from: a server of the connector's own, never the
 * platform's, holding Fusebox's MXBeans of one application (registered here from
 * {@link PublishedMBean}s, so nothing else can put a name of the {@value ManagementNames#DOMAIN}
 * domain here) and, mirrored by {@link ExposedMBeans}, the MBeans the application chose to expose
 * ({@code fusebox.jmx.remote.expose}; JDK ones read-only). The server is made with
 * {@link MBeanServerFactory#newMBeanServer()}, so {@code findMBeanServer} does not list it, and
 * only {@link ViewForwarder} stands in front of it. {@link #access} says how a name may be used.
 *
 * <p>The programmatic guards' MXBeans ({@code GuardManagement}) are Fusebox's too, but come and go
 * as guards are built and closed: {@link #serveGuards} replaces them, and they are served like
 * the application's ({@link Access#FUSEBOX}) while they are in the last set given.
 *
 * <p>Thread-safe: the application's Fusebox names are fixed at {@link #open}; the guards' set is
 * replaced whole under a lock and read from a concurrent set; the exposed names change as the
 * source server's MBeans come and go ({@link ExposedMBeans} is concurrent).
 */
final class RemoteView implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RemoteView.class.getName());

    /** How a remote client may use a name. Immutable. */
    enum Access {
        /** one of Fusebox's MXBeans: anyone reads, operators act (Fusebox audits its actions) */
        FUSEBOX,
        /** an MBean the application exposed: anyone reads, operators act, each change audited here */
        APPLICATION,
        /** a JDK MBean the application exposed: anyone reads, nobody writes or invokes */
        READ_ONLY,
        /** this server's own delegate: registrations can be listened to, nothing else */
        DELEGATE,
        /** in a namespace this server serves but not registered: the server answers "not found" */
        ABSENT,
        /** anything else, e.g. every JDK MBean not exposed: refused */
        OUTSIDE
    }

    private final MBeanServer server;
    private final Set<ObjectName> fusebox;
    private final Set<ObjectName> guards = ConcurrentHashMap.newKeySet();
    private final ExposedMBeans exposed;

    private RemoteView(MBeanServer server, Set<ObjectName> fusebox, ExposedMBeans exposed) {
        this.server = server;
        this.fusebox = fusebox;
        this.exposed = exposed;
    }

    /**
     * A new server holding {@code fuseboxMBeans} and a live mirror of the MBeans of {@code source}
     * that match {@code expose}.
     *
     * @throws IllegalStateException if an MBean cannot be registered
     */
    static RemoteView open(List<PublishedMBean> fuseboxMBeans, MBeanServer source, List<ObjectName> expose) {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        Set<ObjectName> names = new HashSet<>();
        for (PublishedMBean mbean : fuseboxMBeans) {
            try {
                server.registerMBean(mbean.create(), mbean.name());
            } catch (JMException e) {
                throw new IllegalStateException("could not serve " + mbean.name() + " remotely: " + e, e);
            }
            names.add(mbean.name());
        }
        ExposedMBeans exposed = new ExposedMBeans(source, expose, server);
        exposed.start();
        return new RemoteView(server, Set.copyOf(names), exposed);
    }

    MBeanServer server() {
        return server;
    }

    Access access(ObjectName name) {
        if (name == null || name.isPattern()) {
            return Access.OUTSIDE;
        }
        if (name.equals(MBeanServerDelegate.DELEGATE_NAME)) {
            return Access.DELEGATE;
        }
        if (fusebox.contains(name) || guards.contains(name)) {
            return Access.FUSEBOX;
        }
        Boolean readOnly = exposed.readOnly(name);
        if (readOnly != null) {
            return readOnly ? Access.READ_ONLY : Access.APPLICATION;
        }
        if (ManagementNames.DOMAIN.equals(name.getDomain()) || exposed.covers(name)) {
            return Access.ABSENT;
        }
        return Access.OUTSIDE;
    }

    /**
     * Serves exactly {@code published} as the guards' MXBeans from now on: those no longer in it are
     * unregistered here, new ones registered (made by their own factory, so nothing but Fusebox's
     * management can add a name). A name the application's MXBeans hold is never replaced.
     */
    synchronized void serveGuards(List<PublishedMBean> published) {
        Set<ObjectName> wanted = new HashSet<>();
        for (PublishedMBean mbean : published) {
            if (!fusebox.contains(mbean.name())) {
                wanted.add(mbean.name());
            }
        }
        for (ObjectName gone : List.copyOf(guards)) {
            if (!wanted.contains(gone)) {
                guards.remove(gone);
                unregister(gone);
            }
        }
        for (PublishedMBean mbean : published) {
            ObjectName name = mbean.name();
            if (wanted.contains(name) && !guards.contains(name)) {
                try {
                    server.registerMBean(mbean.create(), name);
                    guards.add(name);
                } catch (JMException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not serve " + name + " remotely", e);
                }
            }
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(System.Logger.Level.DEBUG, "guard MXBean " + name + " was gone already", e);
        }
    }

    /** Whether queries may list {@code name}: Fusebox's and the exposed MBeans. */
    boolean listed(ObjectName name) {
        Access access = access(name);
        return access == Access.FUSEBOX || access == Access.APPLICATION || access == Access.READ_ONLY;
    }

    /** Stops mirroring the source server. */
    @Override
    public void close() {
        exposed.close();
    }
}
