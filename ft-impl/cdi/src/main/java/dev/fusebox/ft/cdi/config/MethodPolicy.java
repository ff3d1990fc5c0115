package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.retry.RetryPolicy;
import java.lang.reflect.Method;

/**
 * Everything fault tolerance does for one method of one bean class, resolved once at deployment
 * from annotations and MicroProfile Config. A disabled or absent policy is {@code null};
 * {@code timeoutNanos} is 0 when there is no timeout; {@code fusebox} holds what Fusebox's own
 * annotations add (never null). Immutable, so thread-safe.
 *
 * <p>The method's one name, {@link #name()}, is what its engines, their exceptions and log lines,
 * JFR events and JMX call it. The one exception is the {@code method} tag of the MicroProfile
 * metrics, which the Fault Tolerance specification fixes as {@code <class>.<method>} without
 * parameter types (so overloads share it; see {@code MetricNames}).
 *
 * @param methodKey the method's part of the name: its name, with its parameter types when a guarded
 *                  overload shares it ({@code find(int)}); see {@link MethodKey}
 */
public record MethodPolicy(Class<?> beanClass, Method method, String methodKey, AsyncMode async, RetryPolicy retry,
                           CircuitBreakerSpec circuitBreaker, long timeoutNanos, BulkheadSpec bulkhead,
                           FallbackSpec fallback, FuseboxPolicy fusebox) {

    /**
     * The method's one name: {@code com.example.Bean#method}, or {@code com.example.Bean#find(int)}
     * for one of several guarded overloads.
     */
    public String name() {
        return beanClass.getName() + "#" + methodKey;
    }

    /** Whether any policy is in force; a method with none is called straight through. */
    public boolean guards() {
        return async != AsyncMode.NONE || retry != null || circuitBreaker != null || timeoutNanos > 0
                || bulkhead != null || fallback != null || fusebox.rateLimit() != null
                || fusebox.adaptiveBulkhead() != null || fusebox.hedge() != null;
    }
}
