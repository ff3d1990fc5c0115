package dev.fusebox.ft.cdi;

import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.cdi.async.ContainerTime;
import dev.fusebox.ft.cdi.async.VirtualThreads;
import dev.fusebox.ft.cdi.config.DefinitionErrors;
import dev.fusebox.ft.cdi.config.IgnoredKeys;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.config.PolicyResolver;
import dev.fusebox.ft.cdi.config.RetryBudgetGroups;
import dev.fusebox.ft.cdi.interceptor.Chains;
import dev.fusebox.ft.cdi.interceptor.FaultToleranceBinding;
import dev.fusebox.ft.cdi.interceptor.FaultToleranceInterceptor;
import dev.fusebox.ft.cdi.management.GuardedMethods;
import dev.fusebox.ft.cdi.metrics.MetricsBackends;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * The CDI portable extension of Fusebox. At deployment it binds the interceptor to every method
 * that a fault-tolerance annotation governs (see {@link GuardedMembers}), resolves and validates the policy of each guarded
 * business method (a bad one is a definition error naming class, method, annotation, parameter
 * and value, including a value above the bound of a parameter that sizes memory, and where the value
 * came from; all of a deployment's errors fail it as one exception thrown when bean discovery ends,
 * see {@code failOnDefinitionErrors}), and assembles the chains once deployment is valid; then, once, it warns about each
 * configuration key that looks like a fault-tolerance key but sets nothing ({@link IgnoredKeys}).
 * MicroProfile Rest Client interfaces are guarded too: the annotations are declared interceptor
 * bindings, and the policies of a synthetic bean whose bean class is an interface are resolved
 * from that interface. At shutdown it stops the threads it started. One instance per container; nothing is static. Management reaches the guarded
 * methods through {@link #guardedMethods()}, the CDI layer's port, never through the interceptor.
 * Thread-safety: the container calls the observers one event at a time, except
 * {@code ProcessManagedBean}, whose findings are collected under a lock; the accessors may be
 * called from any thread once deployment ended (management's observers, the container's beans).
 */
public class FaultToleranceExtension implements Extension {

    /** MicroProfile Config key of the interceptor's priority. */
    public static final String PRIORITY_KEY = "mp.fault.tolerance.interceptor.priority";
    /** MicroProfile Config key of the asynchronous pool's size. */
    public static final String THREADS_KEY = "fusebox.async.max-threads";
    /** The largest pool for {@code @Asynchronous} methods that {@value #THREADS_KEY} may ask for. */
    public static final int MAX_THREADS = 1_024;
    /** MicroProfile Config key of how long shutdown waits for asynchronous tasks, in milliseconds. */
    public static final String SHUTDOWN_WAIT_KEY = "fusebox.async.shutdown-wait-millis";
    /** MicroProfile Config key: whether asynchronous methods run on virtual threads (JDK 21+), one per task. */
    public static final String VIRTUAL_THREADS_KEY = "fusebox.async.virtual-threads";
    /** MicroProfile Config key: whether rejections (open circuit, full bulkhead, timeout) carry stack traces. */
    public static final String STACK_TRACES_KEY = "fusebox.exceptions.stack-traces";

    private final List<MethodPolicy> policies = new ArrayList<>();
    private final List<FaultToleranceDefinitionException> errors = new ArrayList<>();
    /** Errors found once synthetic beans' policies are known too (under the lock of {@code policies}). */
    private final List<FaultToleranceDefinitionException> syntheticErrors = new ArrayList<>();
    /** The keys that set something, filled while beans are processed (under the lock of {@code policies}). */
    private final IgnoredKeys ignoredKeys = new IgnoredKeys();
    private volatile List<String> configurationWarnings = List.of();
    private final ContainerTime time;
    private Config config;
    private Chains chains;

    /** The extension as containers load it: on the system's time. */
    public FaultToleranceExtension() {
        this(ContainerTime.system());
    }

    /**
     * Internal test seam, not a setting: a container on {@code time} (virtual time in this module's
     * container tests). Package-private, so only code in this package, i.e. those tests, can use it.
     */
    FaultToleranceExtension(ContainerTime time) {
        this.time = time;
    }

    void addInterceptor(@Observes BeforeBeanDiscovery event) {
        config = ConfigProvider.getConfig();
        int priority = config.getOptionalValue(PRIORITY_KEY, Integer.class).orElse(Interceptor.Priority.PLATFORM_AFTER + 10);
        event.addAnnotatedType(FaultToleranceInterceptor.class, FaultToleranceInterceptor.class.getName())
                .add(new PriorityLiteral(priority));
    }

    /**
     * Makes each fault-tolerance annotation an interceptor binding that carries Fusebox's binding, so
     * that a method or type carrying one is bound to the interceptor wherever CDI reads the
     * annotations itself rather than the type {@link #bindGuardedMethods} configured: a MicroProfile
     * Rest Client's proxy is made through {@code BeanManager.createInterceptionFactory}, which reads
     * the interface as it is declared. The interceptor still runs once per call where both bind.
     * OpenWebBeans 4.0.3 ignores bindings added this way (it reads the bindings an annotation carries
     * from its class only; {@code configureInterceptorBinding} does not help either), so there the
     * Rest Client's calls are not intercepted: docs/runtimes.md, "OpenWebBeans".
     */
    void declareAnnotationsAsBindings(@Observes BeforeBeanDiscovery event) {
        for (Class<? extends Annotation> annotation : GuardedMembers.ANNOTATIONS) {
            event.addInterceptorBinding(annotation, FaultToleranceBinding.Literal.INSTANCE);
        }
    }

    <T> void bindGuardedMethods(@Observes @WithAnnotations({Asynchronous.class, Bulkhead.class, CircuitBreaker.class,
            Fallback.class, Retry.class, Timeout.class, dev.fusebox.ft.api.RateLimit.class,
            dev.fusebox.ft.api.AdaptiveBulkhead.class, dev.fusebox.ft.api.Hedge.class}) ProcessAnnotatedType<T> event) {
        GuardedMembers.bind(event.configureAnnotatedType(), FaultToleranceBinding.Literal.INSTANCE);
    }

    <T> void resolvePolicies(@Observes ProcessManagedBean<T> event) {
        Class<?> beanClass = event.getBean().getBeanClass();
        if (beanClass == FaultToleranceInterceptor.class) {
            return;
        }
        collectPolicies(beanClass, errors);
    }

    /**
     * Resolves the policies of a synthetic bean whose bean class is an interface: a MicroProfile Rest
     * Client (RESTEasy's bean reports the client interface as its bean class; the interceptor then
     * looks the policy up by that interface and the called method). Such beans are added in
     * {@code AfterBeanDiscovery}, possibly after {@link #registerChains} ran, so their definition
     * errors are thrown in {@code AfterDeploymentValidation}.
     */
    <T> void resolveSyntheticInterfacePolicies(@Observes ProcessSyntheticBean<T> event) {
        Class<?> beanClass = event.getBean().getBeanClass();
        if (beanClass.isInterface()) {
            collectPolicies(beanClass, syntheticErrors);
        }
    }

    /** Resolves the policy of each business method of {@code beanClass}; errors go to {@code found}. */
    private void collectPolicies(Class<?> beanClass, List<FaultToleranceDefinitionException> found) {
        PolicyResolver resolver = new PolicyResolver(config);
        for (Method method : businessMethods(beanClass)) {
            try {
                MethodPolicy policy = resolver.resolve(beanClass, method);
                synchronized (policies) {
                    if (policy != null) {
                        ignoredKeys.add(beanClass, method);
                    }
                    if (policy != null && policy.guards()) {
                        policies.add(policy);
                    }
                }
            } catch (FaultToleranceDefinitionException invalid) {
                synchronized (policies) {
                    found.add(invalid);
                }
            }
        }
    }

    void registerChains(@Observes AfterBeanDiscovery event, BeanManager beans) {
        int threads = config.getOptionalValue(THREADS_KEY, Integer.class).orElse(256);
        if (threads < 1 || threads > MAX_THREADS) {
            synchronized (policies) {
                errors.add(DefinitionErrors.of(THREADS_KEY + " must be 1 to " + MAX_THREADS
                        + " (each thread reserves a stack): " + threads));
            }
        }
        boolean virtualThreads = virtualThreads();
        failOnDefinitionErrors();
        chains = new Chains(new AsyncExecution(threads, virtualThreads, beans, time), beans,
                config.getOptionalValue(STACK_TRACES_KEY, Boolean.class).orElse(false));
        // Dependent, not Singleton: OpenWebBeans' default contexts keep the Singleton context per
        // thread, so an interceptor made on another thread (an async caller's) could not get it.
        // Dependent needs no context and no client proxy (ApplicationScoped would put one in front
        // of every call); every injection point gets the one instance this extension owns and
        // stops at shutdown, and there is nothing for the container to destroy.
        event.addBean().types(Chains.class).scope(Dependent.class).createWith(context -> chains);
    }

    /**
     * Fails deployment with every definition error found, as one exception ({@link
     * DefinitionErrors#together}: its message lists them all). Thrown from the observer, which the
     * specification makes a definition error, rather than handed to
     * {@code AfterBeanDiscovery.addDefinitionError}: OpenWebBeans logs errors added that way and
     * fails with a message of its own that carries none of them. A thrown one is in the container's
     * failure on both: the cause of OpenWebBeans' exception, listed (as suppressed) in Weld's.
     */
    private void failOnDefinitionErrors() {
        synchronized (policies) {
            errors.addAll(RetryBudgetGroups.disagreements(policies));
            if (!errors.isEmpty()) {
                throw DefinitionErrors.together(errors);
            }
        }
    }

    /**
     * Whether asynchronous methods run on virtual threads ({@value #VIRTUAL_THREADS_KEY}, default
     * false); asking for them on a JDK without them is a definition error that says so.
     */
    private boolean virtualThreads() {
        boolean asked = config.getOptionalValue(VIRTUAL_THREADS_KEY, Boolean.class).orElse(false);
        if (asked && !VirtualThreads.available()) {
            synchronized (policies) {
                errors.add(DefinitionErrors.of(VirtualThreads.unavailable(VIRTUAL_THREADS_KEY)));
            }
            return false;
        }
        return asked;
    }

    void assembleChains(@Observes AfterDeploymentValidation event, BeanManager beans) {
        synchronized (policies) {
            syntheticErrors.addAll(RetryBudgetGroups.disagreements(policies)); // a Rest Client's too
            throwSyntheticErrors();
            chains.assemble(policies, MetricsBackends.select(config, beans), config);
            configurationWarnings = ignoredKeys.report(config);
        }
    }

    void stopThreads(@Observes BeforeShutdown event) {
        if (chains != null) {
            chains.shutdown(config.getOptionalValue(SHUTDOWN_WAIT_KEY, Long.class).orElse(5_000L));
        }
    }

    /**
     * Throws the definition errors of synthetic beans and of retry-budget groups, if any: one
     * {@link FaultToleranceDefinitionException} whose message lists them all, the others suppressed in it ({@link DefinitionErrors#together};
     * thrown, not added, for the reason given at {@code failOnDefinitionErrors}), after stopping the
     * container's threads, since a deployment that fails here gets no {@code BeforeShutdown}.
     */
    private void throwSyntheticErrors() {
        if (!syntheticErrors.isEmpty()) {
            // a failed deployment fires no BeforeShutdown: stop the threads made in registerChains now
            chains.shutdown(0);
            throw DefinitionErrors.together(syntheticErrors);
        }
    }

    /**
     * The guarded methods of this container and their engines, the port management uses; null
     * before bean discovery ended, empty until deployment ended.
     */
    public GuardedMethods guardedMethods() {
        return chains;
    }

    /**
     * Resolves the policy of one method again from its annotations and the configuration as it is now.
     *
     * @throws FaultToleranceDefinitionException when a value is invalid; the message names it
     */
    public MethodPolicy resolve(Class<?> beanClass, Method method) {
        return new PolicyResolver(config).resolve(beanClass, method);
    }

    /**
     * The warnings logged at deployment about configuration keys that look like fault-tolerance
     * keys but set nothing here (one per key, naming the nearest valid key); empty before.
     */
    public List<String> configurationWarnings() {
        return configurationWarnings;
    }

    /** The configuration this container was deployed with. */
    public Config config() {
        return config;
    }

    /** The most specific implementation of every non-static, non-private method of the class and its superclasses. */
    private static List<Method> businessMethods(Class<?> beanClass) {
        Map<String, Method> found = new LinkedHashMap<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers) || method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                found.putIfAbsent(method.getName() + java.util.Arrays.toString(method.getParameterTypes()), method);
            }
        }
        return new ArrayList<>(found.values());
    }
}
