package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.metrics.MetricsBackend;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chains of one container, keyed by bean class and method, assembled once when deployment has
 * been validated (their metrics are registered then too); afterwards a lookup is two reads of immutable maps. It owns the container's
 * threads and stops them at shutdown. Instances are never shared between containers.
 * Thread-safe after {@link #assemble}.
 */
public final class Chains {

    private final AsyncExecution threads;
    private final BeanManager beans;
    private volatile MetricsBackend metrics;
    private volatile Map<Class<?>, Map<Method, GuardedMethod>> byBeanClass = Map.of();

    private final boolean stackTraces;

    /** {@code stackTraces}: whether rejections (open circuit, full bulkhead, timeout) fill in a stack trace. */
    public Chains(AsyncExecution threads, BeanManager beans, boolean stackTraces) {
        this.threads = threads;
        this.beans = beans;
        this.stackTraces = stackTraces;
    }

    /**
     * Builds the chain of every guarded method, registering its metrics with {@code metrics};
     * called once, at the end of deployment.
     */
    public void assemble(List<MethodPolicy> policies, MetricsBackend metrics) {
        this.metrics = metrics;
        ChainAssembly assembly = new ChainAssembly(threads, beans, metrics, stackTraces);
        Map<Class<?>, Map<Method, GuardedMethod>> built = new HashMap<>();
        for (MethodPolicy policy : policies) {
            built.computeIfAbsent(policy.beanClass(), c -> new HashMap<>()).put(policy.method(), assembly.assemble(policy));
        }
        built.replaceAll((beanClass, methods) -> Map.copyOf(methods));
        byBeanClass = Map.copyOf(built);
    }

    /** The chain of {@code method} on {@code beanClass}; null when the method is not guarded. */
    GuardedMethod lookup(Class<?> beanClass, Method method) {
        Map<Method, GuardedMethod> methods = byBeanClass.get(beanClass);
        return methods == null ? null : methods.get(method);
    }

    /** Stops the container's threads (waiting up to {@code waitMillis}) and unregisters its metrics. */
    public void shutdown(long waitMillis) {
        try {
            threads.shutdown(waitMillis);
        } finally {
            MetricsBackend registered = metrics;
            if (registered != null) {
                registered.close();
            }
        }
    }
}
