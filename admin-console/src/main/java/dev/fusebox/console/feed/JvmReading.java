package dev.fusebox.console.feed;

import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one poll of one JVM read.
 *
 * <p>Thread-safety: an immutable record (its maps and lists are copies); safe on any thread.
 *
 * @param jvm       the connection's name
 * @param atMillis  when the poll finished (console clock)
 * @param groups    breaker groups per application
 * @param breakers  every circuit breaker found
 * @param bulkheads every bulkhead found
 * @param auditLogs the audit log per application, oldest first, for the applications whose log
 *                  this poll read (the console reads it only now and then); an application missing
 *                  here keeps the log read before
 * @param rateLimits   every rate limit found
 * @param retryBudgets every retry budget found
 * @param adaptiveLimits every adaptive bulkhead found, with its recent windows
 * @param hedges         every hedge found
 */
public record JvmReading(String jvm, long atMillis, Map<String, List<BreakerGroup>> groups,
                         List<BreakerReading> breakers, List<BulkheadReading> bulkheads,
                         Map<String, List<AuditEntry>> auditLogs, List<RateLimitReading> rateLimits,
                         List<RetryBudgetReading> retryBudgets, List<AdaptiveLimitReading> adaptiveLimits,
                         List<HedgeReading> hedges) {

    public JvmReading {
        groups = Map.copyOf(groups);
        breakers = List.copyOf(breakers);
        bulkheads = List.copyOf(bulkheads);
        auditLogs = copyOfLogs(auditLogs);
        rateLimits = List.copyOf(rateLimits);
        retryBudgets = List.copyOf(retryBudgets);
        adaptiveLimits = List.copyOf(adaptiveLimits);
        hedges = List.copyOf(hedges);
    }

    /** A poll of a JVM without adaptive bulkheads or hedges. */
    public JvmReading(String jvm, long atMillis, Map<String, List<BreakerGroup>> groups,
                      List<BreakerReading> breakers, List<BulkheadReading> bulkheads,
                      Map<String, List<AuditEntry>> auditLogs, List<RateLimitReading> rateLimits,
                      List<RetryBudgetReading> retryBudgets) {
        this(jvm, atMillis, groups, breakers, bulkheads, auditLogs, rateLimits, retryBudgets, List.of(), List.of());
    }

    /** A poll of a JVM without rate limits or retry budgets. */
    public JvmReading(String jvm, long atMillis, Map<String, List<BreakerGroup>> groups,
                      List<BreakerReading> breakers, List<BulkheadReading> bulkheads,
                      Map<String, List<AuditEntry>> auditLogs) {
        this(jvm, atMillis, groups, breakers, bulkheads, auditLogs, List.of(), List.of());
    }

    /** A poll that did not read the audit logs. */
    public JvmReading(String jvm, long atMillis, Map<String, List<BreakerGroup>> groups,
                      List<BreakerReading> breakers, List<BulkheadReading> bulkheads) {
        this(jvm, atMillis, groups, breakers, bulkheads, Map.of());
    }

    static Map<String, List<AuditEntry>> copyOfLogs(Map<String, List<AuditEntry>> logs) {
        Map<String, List<AuditEntry>> copy = new HashMap<>();
        logs.forEach((app, entries) -> copy.put(app, List.copyOf(entries)));
        return Map.copyOf(copy);
    }
}
