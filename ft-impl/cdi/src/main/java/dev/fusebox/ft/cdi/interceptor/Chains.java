package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.config.RateLimitSpec;
import dev.fusebox.ft.cdi.management.GuardedMethods;
import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.cdi.metrics.GuardMetricsBridge;
import dev.fusebox.ft.cdi.metrics.MetricsBackend;
import dev.fusebox.ft.guard.ManagedGuards;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/**
 * The chains of one container, keyed by bean class and method, assembled once when deployment has
 * been validated (their metrics are registered then too); afterwards a lookup is two reads of
 * immutable maps. It owns the container's threads and stops them at shutdown. It is also the
 * container's {@link GuardedMethods}, the port management reads and reconfigures the methods
 * through. Instances are never shared between containers.
 *
 * <p>Thread-safe after {@link #assemble}: the maps and the list are immutable and published
 * through volatile fields; {@link #reconfigure} serializes changes of one method on that method.
 */
public final class Chains implements GuardedMethods {

    private final AsyncExecution threads;
    private final BeanManager beans;
    private volatile MetricsBackend metrics;
    /** Programmatic guards built while this container runs report to its metrics backend too. */
    private volatile AutoCloseable guardMetrics;
    private volatile AutoCloseable guardOverrides;
    private volatile Map<Class<?>, Map<Method, ManagedMethod>> byBeanClass = Map.of();
    private volatile List<MethodEngines> managed = List.of();
    private volatile ChainAssembly assembly;

    private final boolean stackTraces;

    /** {@code stackTraces}: whether rejections (open circuit, full bulkhead, timeout) fill in a stack trace. */
    public Chains(AsyncExecution threads, BeanManager beans, boolean stackTraces) {
        this.threads = threads;
        this.beans = beans;
        this.stackTraces = stackTraces;
    }

    /**
     * Builds the chain of every guarded method, registering its metrics with {@code metrics};
     * called once, at the end of deployment. Programmatic guards built from then on, until
     * shutdown, report to {@code metrics} too and take overrides of their options from
     * {@code config} ({@code <guard name>/<Policy>/<parameter>}).
     */
    public void assemble(List<MethodPolicy> policies, MetricsBackend metrics, Config config) {
        this.metrics = metrics;
        this.guardMetrics = ManagedGuards.reportTo(new GuardMetricsBridge(metrics));
        this.guardOverrides = ManagedGuards.configureWith(
                key -> config.getOptionalValue(key, String.class).orElse(null));
        ChainAssembly made = new ChainAssembly(threads, beans, metrics, stackTraces);
        Map<Class<?>, Map<Method, ManagedMethod>> built = new HashMap<>();
        List<MethodEngines> all = new ArrayList<>(policies.size());
        for (MethodPolicy policy : policies) {
            ManagedMethod method = made.assemble(policy);
            all.add(method);
            built.computeIfAbsent(policy.beanClass(), c -> new HashMap<>()).put(policy.method(), method);
        }
        built.replaceAll((beanClass, methods) -> Map.copyOf(methods));
        assembly = made;
        byBeanClass = Map.copyOf(built);
        managed = List.copyOf(all);
    }

    /** The chain of {@code method} on {@code beanClass}; null when the method is not guarded. */
    GuardedMethod lookup(Class<?> beanClass, Method method) {
        Map<Method, ManagedMethod> methods = byBeanClass.get(beanClass);
        if (methods == null) {
            return null;
        }
        ManagedMethod found = methods.get(method);
        return found == null ? null : found.chain();
    }

    @Override
    public List<MethodEngines> all() {
        return managed;
    }

    @Override
    public void reconfigure(MethodEngines engines, MethodPolicy replacement) {
        ManagedMethod method = owned(engines);
        checkCompatible(method.policy(), replacement);
        synchronized (method) {
            if (method.breaker() != null) {
                method.breaker().reconfigure(replacement.circuitBreaker().policy());
            }
            Shadows.apply(replacement, method.breaker(), method.rateLimit(), method.bulkhead(), method.asyncBulkhead());
            if (method.bulkhead() != null) {
                method.bulkhead().resize(replacement.bulkhead().value());
            }
            if (method.asyncBulkhead() != null) {
                method.asyncBulkhead().resize(replacement.bulkhead().value(), replacement.bulkhead().waitingTaskQueue());
            }
            method.install(replacement, assembly.chain(replacement, method));
        }
    }

    /** {@code engines} as this container's own method; refuses one of another container. */
    private ManagedMethod owned(MethodEngines engines) {
        Map<Method, ManagedMethod> methods = byBeanClass.get(engines.policy().beanClass());
        ManagedMethod own = methods == null ? null : methods.get(engines.policy().method());
        if (own == null || own != engines) {
            throw new IllegalArgumentException(engines.name() + " is not a guarded method of this container");
        }
        return own;
    }

    @Override
    public void checkCompatible(MethodPolicy current, MethodPolicy replacement) {
        if (current.beanClass() != replacement.beanClass() || !current.method().equals(replacement.method())) {
            throw new IllegalArgumentException(replacement.name() + " is not the policy of " + current.name());
        }
        String changed = switchedPolicies(current, replacement);
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("turning " + changed + " on or off for " + current.name()
                    + " needs a restart; only parameters change at run time");
        }
        if (!Objects.equals(current.fusebox().retryBudget(), replacement.fusebox().retryBudget())) {
            throw new IllegalArgumentException("changing the @RetryBudget of " + current.name() + " needs a restart");
        }
        if (!Objects.equals(current.fusebox().adaptiveBulkhead(), replacement.fusebox().adaptiveBulkhead())) {
            throw new IllegalArgumentException("changing the @AdaptiveBulkhead of " + current.name() + " needs a restart");
        }
        if (!Objects.equals(current.fusebox().hedge(), replacement.fusebox().hedge())) {
            throw new IllegalArgumentException("changing the @Hedge of " + current.name() + " needs a restart");
        }
        RateLimitSpec limit = current.fusebox().rateLimit();
        if (limit != null && !limit.policy().equals(replacement.fusebox().rateLimit().policy())) {
            throw new IllegalArgumentException("changing the @RateLimit of " + current.name() + " (value, window,"
                    + " type, minSpacing) needs a restart; at run time only its shadow switch changes");
        }
    }

    private static String switchedPolicies(MethodPolicy a, MethodPolicy b) {
        List<String> switched = new ArrayList<>();
        if (a.async() != b.async()) {
            switched.add("@Asynchronous");
        }
        if ((a.retry() == null) != (b.retry() == null)) {
            switched.add("@Retry");
        }
        if ((a.circuitBreaker() == null) != (b.circuitBreaker() == null)) {
            switched.add("@CircuitBreaker");
        }
        if ((a.fusebox().rateLimit() == null) != (b.fusebox().rateLimit() == null)) {
            switched.add("@RateLimit");
        }
        if ((a.timeoutNanos() > 0) != (b.timeoutNanos() > 0)) {
            switched.add("@Timeout");
        }
        if ((a.bulkhead() == null) != (b.bulkhead() == null)) {
            switched.add("@Bulkhead");
        }
        if ((a.fusebox().adaptiveBulkhead() == null) != (b.fusebox().adaptiveBulkhead() == null)) {
            switched.add("@AdaptiveBulkhead");
        }
        if ((a.fusebox().hedge() == null) != (b.fusebox().hedge() == null)) {
            switched.add("@Hedge");
        }
        if ((a.fallback() == null) != (b.fallback() == null)) {
            switched.add("@Fallback");
        }
        return String.join(", ", switched);
    }

    /** Stops the container's threads (waiting up to {@code waitMillis}) and unregisters its metrics. */
    public void shutdown(long waitMillis) {
        try {
            threads.shutdown(waitMillis);
        } finally {
            closeQuietly(guardMetrics);
            closeQuietly(guardOverrides);
            MetricsBackend registered = metrics;
            if (registered != null) {
                registered.close();
            }
        }
    }

    private static void closeQuietly(AutoCloseable installed) {
        if (installed != null) {
            try {
                installed.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
