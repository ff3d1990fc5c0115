package dev.fusebox.ft.management;

import java.util.List;

/**
 * One guarded method of the application and where its MXBeans are.
 *
 * @param name           {@code <bean class>#<method>}, with the parameter types when the method is
 *                       overloaded; the name operator actions take
 * @param beanClass      the bean class
 * @param method         the method name (with parameter types when overloaded)
 * @param policies       the annotations in force, e.g. [CircuitBreaker, Retry, Fallback]
 * @param asynchronous   whether calls run on another thread
 * @param circuitBreaker ObjectName of its CircuitBreakerMXBean, or null
 * @param bulkhead       ObjectName of its BulkheadMXBean, or null
 * @param retry          ObjectName of its RetryMXBean, or null
 * @param timeout        ObjectName of its TimeoutMXBean, or null
 */
public record GuardedMethodInfo(String name, String beanClass, String method, List<String> policies,
                                boolean asynchronous, String circuitBreaker, String bulkhead, String retry,
                                String timeout) {
}
