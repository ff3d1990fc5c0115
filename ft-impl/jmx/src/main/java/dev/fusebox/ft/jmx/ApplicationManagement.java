package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.AttributeChangeNotification;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * Management of one container's guarded methods, from the end of deployment to shutdown: claims
 * an application name, registers the registry and each method's MXBeans in the platform
 * MBeanServer, watches every breaker (JFR events, expired forcings, State notifications), puts
 * back kept forcings, and runs the one management thread ({@code fusebox-management-<app>},
 * daemon) that delivers notifications, flushes coalesced ones and samples bulkheads. Forcings are
 * written to the {@link ForcedStateStore} by a {@link ForcedStateWriter} on its own thread
 * ({@code fusebox-forcings-<app>}, only when there is a store), which {@link #stop} lets finish
 * its writes. With management disabled it registers nothing and starts only that writer; the Java
 * API still works. Keeps how each MXBean was made ({@link PublishedMBean}) for a server of the
 * remote connector's own. Not thread-safe: {@link #start} and {@link #stop} are called by the
 * container, once each.
 */
final class ApplicationManagement {

    static final String ENABLED_KEY = "fusebox.management.enabled";
    static final String APPLICATION_KEY = "fusebox.management.application";
    static final String DEFAULT_APPLICATION = "application";
    /** How often bulkheads are sampled for saturation and forcings checked for expiry. */
    static final long SAMPLE_MILLIS = 250;

    private static final System.Logger LOG = System.getLogger(ApplicationManagement.class.getName());
    private static final int MAX_SUFFIX = 10_000;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();
    private final List<PublishedMBean> published = new ArrayList<>();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private final List<ManagedBulkhead> bulkheads = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Guarded> guarded;
    private final AuditLog keptAudit;
    private ScheduledThreadPoolExecutor thread;
    private ForcedStateWriter forcings;
    private OperatorActions actions;
    private String application;

    private ApplicationManagement(List<MethodEngines> managed, AuditLog audit) {
        this.guarded = Guarded.name(managed);
        this.keptAudit = audit;
    }

    /**
     * Starts management of {@code managed}; on failure everything started so far is undone. Its
     * audit log is {@code audit}, one kept from an earlier start, or a new one when null.
     */
    static ApplicationManagement start(List<MethodEngines> managed, boolean enabled, String application,
                                       Map<String, String> groups, ForcedStateStore store,
                                       ConfigurationChanges changes, AuditLog audit) {
        ApplicationManagement management = new ApplicationManagement(managed, audit);
        try {
            management.begin(enabled, application, groups, store, changes);
            return management;
        } catch (RuntimeException | JMException failed) {
            management.stop();
            throw new IllegalStateException("could not start fault tolerance management of " + application + ": "
                    + failed.getMessage(), failed);
        }
    }

    private void begin(boolean enabled, String wanted, Map<String, String> groups, ForcedStateStore store,
                       ConfigurationChanges changes) throws JMException {
        if (!enabled) {
            application = wanted;
            forcings = ForcedStateWriter.of(wanted, store, guarded);
            actions = new OperatorActions(guarded, groups, audit(wanted), forcings, changes);
            watchBreakers(null);
            actions.restore();
            LOG.log(System.Logger.Level.INFO, "fault tolerance JMX management of " + wanted + " is disabled ("
                    + ENABLED_KEY + "=false); the Java operations still work");
            return;
        }
        claimName(wanted, groups, store, changes);
        thread = ManagementThread.start(application);
        Map<Guarded, StateNotifications> notifications = registerMethods();
        watchBreakers(notifications);
        actions.restore();
        thread.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Registers the registry under the first free name of {@code wanted}, {@code wanted-2}, ... */
    private void claimName(String wanted, Map<String, String> groups, ForcedStateStore store,
                           ConfigurationChanges changes) throws JMException {
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String candidate = n == 1 ? wanted : wanted + "-" + n;
            forcings = ForcedStateWriter.of(candidate, store, guarded); // stop() closes it if registering fails
            OperatorActions candidateActions = new OperatorActions(guarded, groups, audit(candidate),
                    forcings, changes);
            ObjectName name = ManagementNames.registry(candidate);
            ApplicationRegistry registry = new ApplicationRegistry(candidate, guarded, candidateActions);
            Supplier<Object> mbean = () -> new DescribedMBean<>(registry, FaultToleranceMXBean.class);
            try {
                server.registerMBean(mbean.get(), name);
            } catch (InstanceAlreadyExistsException taken) {
                forcings.close();
                forcings = null;
                continue;
            }
            registered.add(name);
            published.add(new PublishedMBean(name, mbean));
            application = candidate;
            actions = candidateActions;
            if (n > 1) {
                LOG.log(System.Logger.Level.WARNING, "fault tolerance management: application name " + wanted
                        + " is taken in this JVM (another container); registered as " + candidate
                        + " (set " + APPLICATION_KEY + " to choose one)");
            }
            return;
        }
        throw new IllegalStateException("no free application name from " + wanted + " to " + wanted + "-" + MAX_SUFFIX);
    }

    private Map<Guarded, StateNotifications> registerMethods() throws JMException {
        Map<Guarded, StateNotifications> notifications = new java.util.HashMap<>();
        for (Guarded method : guarded) {
            MethodEngines engines = method.method();
            if (engines.breaker() != null) {
                ObjectName name = name(ManagementNames.CIRCUIT_BREAKER, method);
                NotificationBroadcasterSupport broadcaster = broadcaster("State",
                        "the breaker's state or forcing changed; the message is the cause, the user data who forces it");
                ManagedCircuitBreaker breaker = new ManagedCircuitBreaker(method, actions);
                register(() -> new DescribedEmitterMBean<>(breaker, CircuitBreakerMXBean.class, broadcaster), name);
                notifications.put(method, new StateNotifications(name, broadcaster, thread, sequence,
                        engines.breaker().state().name()));
            }
            if (engines.bulkhead() != null || engines.asyncBulkhead() != null) {
                ObjectName name = name(ManagementNames.BULKHEAD, method);
                NotificationBroadcasterSupport broadcaster = broadcaster("Saturated",
                        "the bulkhead became saturated or has free capacity again");
                ManagedBulkhead bulkhead = new ManagedBulkhead(method, actions);
                bulkhead.announceTo(name, broadcaster, sequence);
                register(() -> new DescribedEmitterMBean<>(bulkhead, BulkheadMXBean.class, broadcaster), name);
                bulkheads.add(bulkhead);
            }
            for (PlainMBeans.Entry mbean : PlainMBeans.of(method, actions)) {
                register(mbean.factory(), name(mbean.type(), method));
            }
        }
        return notifications;
    }

    private AuditLog audit(String application) {
        return keptAudit != null ? keptAudit : new AuditLog(application);
    }

    private NotificationBroadcasterSupport broadcaster(String attribute, String description) {
        return new NotificationBroadcasterSupport(thread, new MBeanNotificationInfo(
                new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE}, AttributeChangeNotification.class.getName(),
                attribute + ": " + description));
    }

    private ObjectName name(String type, Guarded method) {
        return ManagementNames.of(type, application, method.beanClass(), method.methodKey());
    }

    /**
     * Registers a new MBean from {@code mbean} on the platform server and keeps the factory, so
     * that another server can register one of its own (see {@link PublishedMBean}).
     */
    private void register(Supplier<Object> mbean, ObjectName name) throws JMException {
        server.registerMBean(mbean.get(), name);
        registered.add(name);
        published.add(new PublishedMBean(name, mbean));
    }

    /** Listens to every breaker: JFR, expired forcings, and State notifications when registered. */
    private void watchBreakers(Map<Guarded, StateNotifications> notifications) {
        for (Guarded method : guarded) {
            CircuitBreaker breaker = method.method().breaker();
            if (breaker != null) {
                watches.add(breaker.listen(new TransitionReporter(application, method, actions,
                        notifications == null ? null : notifications.get(method))));
            }
        }
    }

    /** A few times a second on the management thread: bulkhead saturation, and forcings that ran out. */
    private void sample() {
        try {
            for (ManagedBulkhead bulkhead : bulkheads) {
                bulkhead.sample();
            }
            for (Guarded method : guarded) {
                if (method.hasBreaker()) {
                    method.method().breaker().forced(); // lets a forcing that ran out go, announced like any change
                }
            }
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "fault tolerance management sampling of " + application + " failed",
                    failed);
        }
    }

    String application() {
        return application;
    }

    /**
     * Registers one more MXBean of this application (an agent's, e.g. the fleet's status) as its
     * own are: on the platform server, kept for the remote connector's server, unregistered by
     * {@link #stop}. Nothing when management is disabled. Called on the container's thread.
     *
     * @return whether it was registered
     */
    boolean publish(ObjectName name, Supplier<Object> mbean) throws JMException {
        if (thread == null) {
            return false;
        }
        register(mbean, name);
        return true;
    }

    OperatorActions actions() {
        return actions;
    }

    /** What {@link #start} registered on the platform server, registry first; empty when disabled. */
    List<PublishedMBean> published() {
        return List.copyOf(published);
    }

    /**
     * Unregisters every MXBean, stops watching the breakers, stops the management thread, and lets
     * the forcings' writer write what is marked before its thread ends.
     */
    void stop() {
        for (AutoCloseable watch : watches) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "could not stop watching a circuit breaker", e);
            }
        }
        watches.clear();
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException gone) {
                // someone unregistered it already
            } catch (JMException e) {
                LOG.log(System.Logger.Level.WARNING, "could not unregister " + name, e);
            }
        }
        registered.clear();
        published.clear();
        if (thread != null) {
            ManagementThread.stop(thread, application);
        }
        if (forcings != null) {
            forcings.close();
        }
    }
}
