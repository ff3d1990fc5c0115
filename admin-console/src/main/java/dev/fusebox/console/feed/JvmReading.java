package dev.fusebox.console.feed;

import dev.fusebox.ft.management.BreakerGroup;
import java.util.List;
import java.util.Map;

/**
 * Everything one poll of one JVM read.
 *
 * @param jvm       the connection's name
 * @param atMillis  when the poll finished (console clock)
 * @param groups    breaker groups per application
 * @param breakers  every circuit breaker found
 * @param bulkheads every bulkhead found
 */
public record JvmReading(String jvm, long atMillis, Map<String, List<BreakerGroup>> groups,
                         List<BreakerReading> breakers, List<BulkheadReading> bulkheads) {

    public JvmReading {
        groups = Map.copyOf(groups);
        breakers = List.copyOf(breakers);
        bulkheads = List.copyOf(bulkheads);
    }
}
