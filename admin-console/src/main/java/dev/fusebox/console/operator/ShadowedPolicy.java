package dev.fusebox.console.operator;

import dev.fusebox.ft.management.ManagementNames;

/**
 * The policies with a shadow mode (they decide and count what they would reject, and reject
 * nothing), switched on or off through their MXBean's {@code configure("shadow", "true"|"false",
 * reason)}.
 *
 * <p>Thread-safety: an enum without mutable state; safe on any thread.
 */
public enum ShadowedPolicy {
    CIRCUIT_BREAKER("Circuit breaker", ManagementNames.CIRCUIT_BREAKER),
    BULKHEAD("Bulkhead", ManagementNames.BULKHEAD),
    RATE_LIMIT("Rate limit", ManagementNames.RATE_LIMIT);

    private final String label;
    private final String mbeanType;

    ShadowedPolicy(String label, String mbeanType) {
        this.label = label;
        this.mbeanType = mbeanType;
    }

    /** As in a table. */
    public String label() {
        return label;
    }

    /** The {@code type} key of its MXBean's ObjectName. */
    public String mbeanType() {
        return mbeanType;
    }
}
