package dev.fusebox.ft.management;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The ObjectNames of Fusebox's MXBeans: domain {@value #DOMAIN}, key {@code type} (FaultTolerance,
 * CircuitBreaker, Bulkhead, Retry, Timeout, RateLimit, RetryBudget, AdaptiveBulkhead, Hedge), {@code application}, and for a guarded method
 * {@code bean} (the bean class) and {@code method} (with parameter types when overloaded). Values
 * with characters ObjectNames reserve are quoted.
 * Thread-safety: constants and static methods without state.
 */
public final class ManagementNames {

    public static final String DOMAIN = "dev.fusebox.ft";
    public static final String REGISTRY = "FaultTolerance";
    public static final String CIRCUIT_BREAKER = "CircuitBreaker";
    public static final String BULKHEAD = "Bulkhead";
    public static final String RETRY = "Retry";
    public static final String TIMEOUT = "Timeout";
    public static final String RATE_LIMIT = "RateLimit";
    public static final String RETRY_BUDGET = "RetryBudget";
    public static final String ADAPTIVE_BULKHEAD = "AdaptiveBulkhead";
    public static final String HEDGE = "Hedge";

    private ManagementNames() {
    }

    /** The registry of {@code application}. */
    public static ObjectName registry(String application) {
        return name(DOMAIN + ":type=" + REGISTRY + ",application=" + value(application));
    }

    /** The MXBean of {@code type} for one guarded method. */
    public static ObjectName of(String type, String application, String beanClass, String method) {
        return name(DOMAIN + ":type=" + type + ",application=" + value(application) + ",bean=" + value(beanClass)
                + ",method=" + value(method));
    }

    /** Every MXBean of {@code type} in any application, for queries. */
    public static ObjectName all(String type) {
        return name(DOMAIN + ":type=" + type + ",*");
    }

    /** A key's value as written in a name, quoted when it holds a reserved character. */
    public static String value(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ',' || c == '=' || c == ':' || c == '"' || c == '*' || c == '?' || c == '\n' || c == '\\') {
                return ObjectName.quote(raw);
            }
        }
        return raw;
    }

    /** A key's value as written by {@link #value}, back to the raw string. */
    public static String raw(String written) {
        return written.startsWith("\"") ? ObjectName.unquote(written) : written;
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a valid ObjectName: " + text, e);
        }
    }
}
