package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chains of one container, keyed by bean class and method, assembled once when deployment has
 * been validated; afterwards a lookup is two reads of immutable maps. It owns the container's
 * threads and stops them at shutdown. Instances are never shared between containers.
 * Thread-safe after {@link #assemble}.
 */
public final class Chains {

    private final AsyncExecution threads;
    private final ChainAssembly assembly;
    private volatile Map<Class<?>, Map<Method, GuardedMethod>> byBeanClass = Map.of();

    public Chains(AsyncExecution threads, BeanManager beans) {
        this.threads = threads;
        this.assembly = new ChainAssembly(threads, beans);
    }

    /** Builds the chain of every guarded method; called once, at the end of deployment. */
    public void assemble(List<MethodPolicy> policies) {
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

    /** Stops the container's threads; waits up to {@code waitMillis} for them to end. */
    public void shutdown(long waitMillis) {
        threads.shutdown(waitMillis);
    }
}
