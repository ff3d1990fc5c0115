package dev.fusebox.console.connect;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.BulkheadReading;
import dev.fusebox.console.feed.JvmReading;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.NotificationListener;
import javax.management.ObjectName;

/**
 * Reads one connected JVM's Fusebox MBeans: finds them, subscribes the connection's listener to
 * each breaker and bulkhead once (handback: the ObjectName), and reads their attributes in bulk
 * (one round trip per MBean); the policies that send no notifications (rate limits, retry budgets,
 * adaptive bulkheads, hedges) through its {@link LimitReader} in the same poll. Attributes a server
 * does not have (an older Fusebox without shadow mode) are left out of the bulk answer and read as
 * 0/false. One reader per connector.
 *
 * <p>Thread-safety: not thread-safe; confined to the connection's worker thread.
 */
final class JvmReader {

    private static final System.Logger LOG = System.getLogger(JvmReader.class.getName());

    private static final String[] BREAKER_ATTRIBUTES = {"State", "Forcing", "TimeInStateMillis", "FailureRatio",
            "WindowRecorded", "WindowFailures", "Window", "TrialsAdmitted", "TrialsInFlight", "Calls", "Successes",
            "Failures", "Rejections", "TimesOpened", "Configuration", "Transitions", "Shadow", "WouldReject"};
    private static final String[] BULKHEAD_ATTRIBUTES = {"Limit", "QueueSize", "Running", "Waiting", "Accepted",
            "Rejected", "Saturated", "Shadow", "WouldReject"};
    private static final String[] REGISTRY_ATTRIBUTES = {"Application", "Groups"};
    private static final String[] REGISTRY_ATTRIBUTES_WITH_AUDIT = {"Application", "Groups", "AuditLog"};

    private final String jvm;
    private final MBeanServerConnection server;
    private final NotificationListener listener;
    private final MBeanAttributes mbeans;
    private final LimitReader limits;
    private final Map<ObjectName, MethodKey> breakerNames = new HashMap<>();
    private final Map<ObjectName, MethodKey> bulkheadNames = new HashMap<>();
    private final Map<MethodKey, ObjectName> breakerByKey = new HashMap<>();
    private final Map<String, ObjectName> registries = new HashMap<>();
    private Map<String, List<BreakerGroup>> groups = Map.of();

    JvmReader(String jvm, MBeanServerConnection server, NotificationListener listener) {
        this.jvm = jvm;
        this.server = server;
        this.listener = listener;
        this.mbeans = new MBeanAttributes(jvm, server);
        this.limits = new LimitReader(mbeans);
    }

    MBeanServerConnection server() {
        return server;
    }

    /**
     * Reads every registry, breaker and bulkhead; subscribes to the ones not seen before. With
     * {@code withAuditLogs} the registries' audit logs come in the same round trip as their groups.
     */
    JvmReading readAll(long atMillis, boolean withAuditLogs) throws IOException {
        Map<String, List<BreakerGroup>> readGroups = new HashMap<>();
        Map<String, List<AuditEntry>> auditLogs = new HashMap<>();
        registries.clear();
        for (ObjectName name : mbeans.names(ManagementNames.REGISTRY)) {
            Map<String, Object> a = mbeans.read(name, withAuditLogs ? REGISTRY_ATTRIBUTES_WITH_AUDIT
                    : REGISTRY_ATTRIBUTES);
            if (a != null) {
                String app = a.containsKey("Application") ? OpenData.string(a, "Application")
                        : ManagementNames.raw(name.getKeyProperty("application"));
                readGroups.put(app, OpenData.groups(a.get("Groups")));
                if (a.containsKey("AuditLog")) {
                    auditLogs.put(app, OpenData.auditLog(a.get("AuditLog")));
                }
                registries.put(app, name);
            }
        }
        groups = readGroups;
        List<BreakerReading> breakers = new ArrayList<>();
        Set<ObjectName> seen = new HashSet<>();
        for (ObjectName name : mbeans.names(ManagementNames.CIRCUIT_BREAKER)) {
            seen.add(name);
            MethodKey key = breakerNames.computeIfAbsent(name, this::subscribe);
            breakerByKey.put(key, name);
            BreakerReading r = readBreaker(name, key);
            if (r != null) {
                breakers.add(r);
            }
        }
        breakerNames.keySet().retainAll(seen);
        breakerByKey.values().retainAll(seen);
        List<BulkheadReading> bulkheads = new ArrayList<>();
        seen.clear();
        for (ObjectName name : mbeans.names(ManagementNames.BULKHEAD)) {
            seen.add(name);
            MethodKey key = bulkheadNames.computeIfAbsent(name, this::subscribe);
            Map<String, Object> a = mbeans.read(name, BULKHEAD_ATTRIBUTES);
            if (a != null) {
                bulkheads.add(new BulkheadReading(key, OpenData.intValue(a, "Limit"), OpenData.intValue(a, "QueueSize"),
                        OpenData.intValue(a, "Running"), OpenData.intValue(a, "Waiting"),
                        OpenData.longValue(a, "Accepted"), OpenData.longValue(a, "Rejected"),
                        OpenData.booleanValue(a, "Saturated"), OpenData.booleanValue(a, "Shadow"),
                        OpenData.longValue(a, "WouldReject")));
            }
        }
        bulkheadNames.keySet().retainAll(seen);
        return new JvmReading(jvm, atMillis, groups, breakers, bulkheads, auditLogs, limits.rateLimits(),
                limits.retryBudgets(), limits.adaptiveLimits(), limits.hedges());
    }

    /** Reads one breaker again, or null when it has gone. */
    BreakerReading reread(MethodKey key) throws IOException {
        ObjectName name = breakerByKey.get(key);
        return name == null ? null : readBreaker(name, key);
    }

    /** The MBean was registered again or removed: subscribe afresh on the next read. */
    void forget(ObjectName name) {
        MethodKey key = breakerNames.remove(name);
        if (key != null) {
            breakerByKey.remove(key);
        }
        bulkheadNames.remove(name);
    }

    MethodKey breakerKey(ObjectName name) {
        return breakerNames.get(name);
    }

    MethodKey bulkheadKey(ObjectName name) {
        return bulkheadNames.get(name);
    }

    ObjectName breakerName(MethodKey key) {
        return breakerByKey.get(key);
    }

    /** The registries whose groups include {@code group}. */
    List<ObjectName> registriesWithGroup(String group) {
        List<ObjectName> names = new ArrayList<>();
        groups.forEach((app, list) -> {
            if (list.stream().anyMatch(g -> g.name().equals(group)) && registries.containsKey(app)) {
                names.add(registries.get(app));
            }
        });
        return names;
    }

    private BreakerReading readBreaker(ObjectName name, MethodKey key) throws IOException {
        Map<String, Object> a = mbeans.read(name, BREAKER_ATTRIBUTES);
        if (a == null) {
            return null;
        }
        return new BreakerReading(key, OpenData.string(a, "State"), OpenData.forcing(a.get("Forcing")),
                OpenData.longValue(a, "TimeInStateMillis"), OpenData.doubleValue(a, "FailureRatio"),
                OpenData.intValue(a, "WindowRecorded"), OpenData.intValue(a, "WindowFailures"),
                OpenData.string(a, "Window"), OpenData.intValue(a, "TrialsAdmitted"),
                OpenData.intValue(a, "TrialsInFlight"), OpenData.longValue(a, "Calls"),
                OpenData.longValue(a, "Successes"), OpenData.longValue(a, "Failures"), OpenData.longValue(a, "Rejections"),
                OpenData.longValue(a, "TimesOpened"), OpenData.settings(a.get("Configuration")),
                OpenData.transitions(a.get("Transitions")), OpenData.booleanValue(a, "Shadow"),
                OpenData.longValue(a, "WouldReject"));
    }

    private MethodKey subscribe(ObjectName name) {
        MethodKey key = mbeans.key(name);
        try {
            server.addNotificationListener(name, listener, null, name);
        } catch (InstanceNotFoundException | IOException | RuntimeException e) {
            // gone already, or emits nothing: the regular polls still show it
            LOG.log(System.Logger.Level.DEBUG, "{0}: no notifications from {1}: {2}", jvm, name, e);
        }
        return key;
    }
}
