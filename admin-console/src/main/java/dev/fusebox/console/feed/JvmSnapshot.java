package dev.fusebox.console.feed;

import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the console shows about one JVM at one moment. Immutable; a new one is published on
 * every change.
 *
 * <p>Thread-safety: an immutable record; safe on any thread (the UI dispatcher hands it from the feed's
 * callers to the FX thread).
 *
 * @param jvm        the connection's name
 * @param connection the connection's health
 * @param permission what the login may do
 * @param groups     breaker groups per application
 * @param breakers   circuit breakers, in a stable order (application, bean, method)
 * @param bulkheads  bulkheads, in the same order
 * @param auditLogs  each application's audit log as last read (the registry's last 200 operator
 *                   actions, oldest first); an application's list is the same instance from one
 *                   snapshot to the next while it has not changed, so comparing is cheap
 * @param removed    the JVM has left the fleet; its rows should go
 * @param rateLimits   rate limits as last read, in the same order
 * @param retryBudgets retry budgets as last read, in the same order
 * @param adaptiveLimits adaptive bulkheads as last read, with their recent windows, in the same order
 * @param hedges         hedges as last read, in the same order
 */
public record JvmSnapshot(String jvm, ConnectionState connection, Permission permission,
                          Map<String, List<BreakerGroup>> groups, List<BreakerSnapshot> breakers,
                          List<BulkheadSnapshot> bulkheads, Map<String, List<AuditEntry>> auditLogs,
                          boolean removed, List<RateLimitReading> rateLimits, List<RetryBudgetReading> retryBudgets,
                          List<AdaptiveLimitReading> adaptiveLimits, List<HedgeReading> hedges) {

    public JvmSnapshot {
        groups = Map.copyOf(groups);
        breakers = List.copyOf(breakers);
        bulkheads = List.copyOf(bulkheads);
        auditLogs = JvmReading.copyOfLogs(auditLogs);
        rateLimits = List.copyOf(rateLimits);
        retryBudgets = List.copyOf(retryBudgets);
        adaptiveLimits = List.copyOf(adaptiveLimits);
        hedges = List.copyOf(hedges);
    }

    /** Without adaptive bulkheads or hedges. */
    public JvmSnapshot(String jvm, ConnectionState connection, Permission permission,
                       Map<String, List<BreakerGroup>> groups, List<BreakerSnapshot> breakers,
                       List<BulkheadSnapshot> bulkheads, Map<String, List<AuditEntry>> auditLogs,
                       boolean removed, List<RateLimitReading> rateLimits, List<RetryBudgetReading> retryBudgets) {
        this(jvm, connection, permission, groups, breakers, bulkheads, auditLogs, removed, rateLimits, retryBudgets,
                List.of(), List.of());
    }

    /** Without rate limits or retry budgets. */
    public JvmSnapshot(String jvm, ConnectionState connection, Permission permission,
                       Map<String, List<BreakerGroup>> groups, List<BreakerSnapshot> breakers,
                       List<BulkheadSnapshot> bulkheads, Map<String, List<AuditEntry>> auditLogs,
                       boolean removed) {
        this(jvm, connection, permission, groups, breakers, bulkheads, auditLogs, removed, List.of(), List.of());
    }

    /** Without audit logs. */
    public JvmSnapshot(String jvm, ConnectionState connection, Permission permission,
                       Map<String, List<BreakerGroup>> groups, List<BreakerSnapshot> breakers,
                       List<BulkheadSnapshot> bulkheads, boolean removed) {
        this(jvm, connection, permission, groups, breakers, bulkheads, Map.of(), removed, List.of(), List.of());
    }

    /** The applications seen in this JVM, sorted. */
    public List<String> applications() {
        TreeSet<String> apps = new TreeSet<>(groups.keySet());
        breakers.forEach(b -> apps.add(b.key().application()));
        bulkheads.forEach(b -> apps.add(b.key().application()));
        rateLimits.forEach(r -> apps.add(r.key().application()));
        retryBudgets.forEach(r -> apps.add(r.key().application()));
        adaptiveLimits.forEach(r -> apps.add(r.key().application()));
        hedges.forEach(r -> apps.add(r.key().application()));
        return List.copyOf(apps);
    }
}
