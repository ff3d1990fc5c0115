package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.core.retry.RetryPolicy;
import java.lang.reflect.Method;

/**
 * Everything fault tolerance does for one method of one bean class, resolved once at deployment
 * from annotations and MicroProfile Config. A disabled or absent policy is {@code null};
 * {@code timeoutNanos} is 0 when there is no timeout. Immutable.
 */
public record MethodPolicy(Class<?> beanClass, Method method, AsyncMode async, RetryPolicy retry,
                           CircuitBreakerSpec circuitBreaker, long timeoutNanos, BulkheadSpec bulkhead,
                           FallbackSpec fallback) {

    /** The name the engines report: {@code com.example.Bean#method}. */
    public String name() {
        return beanClass.getName() + "#" + method.getName();
    }

    /** Whether any policy is in force; a method with none is called straight through. */
    public boolean guards() {
        return async != AsyncMode.NONE || retry != null || circuitBreaker != null || timeoutNanos > 0
                || bulkhead != null || fallback != null;
    }
}
