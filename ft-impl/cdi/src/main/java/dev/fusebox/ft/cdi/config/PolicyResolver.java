package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.cdi.fallback.FallbackMethods;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.retry.RetryPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * Turns the annotations of one bean method, overlaid with MicroProfile Config, into a validated
 * {@link MethodPolicy}. Every annotation present is validated, switched on or not, so a bad value
 * fails deployment wherever it is; a parameter that sizes memory (a breaker's window, a bulkhead's
 * slots and queue) has an upper bound too, checked here before any engine is built, and by a live
 * change through the same resolver before anything is written. An error says where the bad value
 * came from: the annotation, or the config key and source ({@link Parameters}). Fusebox's own
 * annotations are resolved by {@link FuseboxPolicyResolver} with the same rules. Thread-safe
 * (stateless apart from the config it reads).
 */
public final class PolicyResolver {

    private final Config config;

    public PolicyResolver(Config config) {
        this.config = config;
    }

    /**
     * The policy of {@code method} as a business method of {@code beanClass}, or null when no
     * fault-tolerance annotation applies to it.
     *
     * @throws FaultToleranceDefinitionException for an invalid parameter or fallback
     */
    public MethodPolicy resolve(Class<?> beanClass, Method method) {
        AnnotationSite<Asynchronous> async = AnnotationSite.find(Asynchronous.class, beanClass, method, config);
        AnnotationSite<Retry> retry = AnnotationSite.find(Retry.class, beanClass, method, config);
        AnnotationSite<CircuitBreaker> breaker = AnnotationSite.find(CircuitBreaker.class, beanClass, method, config);
        AnnotationSite<Timeout> timeout = AnnotationSite.find(Timeout.class, beanClass, method, config);
        AnnotationSite<Bulkhead> bulkhead = AnnotationSite.find(Bulkhead.class, beanClass, method, config);
        AnnotationSite<Fallback> fallback = AnnotationSite.find(Fallback.class, beanClass, method, config);
        if (async == null && retry == null && breaker == null && timeout == null && bulkhead == null && fallback == null
                && !FuseboxPolicyResolver.present(beanClass, method)) {
            return null;
        }
        AsyncMode mode = async == null ? AsyncMode.NONE : asyncMode(async);
        RetryPolicy retryPolicy = retry == null ? null : retry(retry);
        CircuitBreakerSpec breakerSpec = breaker == null ? null : circuitBreaker(breaker);
        long timeoutNanos = timeout == null ? 0 : timeout(timeout);
        BulkheadSpec bulkheadSpec = bulkhead == null ? null : bulkhead(bulkhead);
        FallbackSpec fallbackSpec = fallback == null ? null : fallback(fallback);
        FuseboxPolicy fusebox = new FuseboxPolicyResolver(config).resolve(beanClass, method, retry, retryPolicy,
                retry != null && retry.enabled());
        return new MethodPolicy(beanClass, method, MethodKey.of(beanClass, method),
                async != null && async.enabled() ? mode : AsyncMode.NONE,
                retry != null && retry.enabled() ? retryPolicy : null,
                breaker != null && breaker.enabled() ? breakerSpec : null,
                timeout != null && timeout.enabled() ? timeoutNanos : 0,
                bulkhead != null && bulkhead.enabled() ? bulkheadSpec : null,
                fallback != null && fallback.enabled() ? fallbackSpec : null, fusebox);
    }

    private static AsyncMode asyncMode(AnnotationSite<Asynchronous> site) {
        Class<?> returns = site.method.getReturnType();
        if (CompletionStage.class.isAssignableFrom(returns)) {
            return AsyncMode.STAGE;
        }
        if (returns == Future.class) {
            return AsyncMode.FUTURE;
        }
        throw DefinitionErrors.of("Invalid " + site.describe()
                + ": an @Asynchronous method must return java.util.concurrent.Future or CompletionStage, not "
                + site.method.getGenericReturnType().getTypeName());
    }

    private static RetryPolicy retry(AnnotationSite<Retry> site) {
        Retry retry = site.annotation;
        Parameters p = new Parameters(site);
        int maxRetries = p.integer("maxRetries", retry.maxRetries());
        p.require(maxRetries >= -1, "maxRetries", maxRetries, "must be -1 (no limit) or more");
        long delay = p.number("delay", retry.delay());
        p.require(delay >= 0, "delay", delay, "must not be negative");
        long delayNanos = Parameters.nanos(delay, p.unit("delayUnit", retry.delayUnit()));
        long maxDuration = p.number("maxDuration", retry.maxDuration());
        p.require(maxDuration >= 0, "maxDuration", maxDuration, "must not be negative");
        long maxDurationNanos = Parameters.nanos(maxDuration, p.unit("durationUnit", retry.durationUnit()));
        p.require(maxDurationNanos == 0 || maxDurationNanos > delayNanos, "maxDuration", maxDuration,
                "must be greater than delay (" + delay + ")");
        long jitter = p.number("jitter", retry.jitter());
        p.require(jitter >= 0, "jitter", jitter, "must not be negative");
        long jitterNanos = Parameters.nanos(jitter, p.unit("jitterDelayUnit", retry.jitterDelayUnit()));
        ExceptionClassifier retryOn = new ExceptionClassifier(p.throwables("retryOn", retry.retryOn()),
                p.throwables("abortOn", retry.abortOn()));
        return new RetryPolicy(maxRetries, delayNanos, maxDurationNanos, jitterNanos, retryOn);
    }

    private static CircuitBreakerSpec circuitBreaker(AnnotationSite<CircuitBreaker> site) {
        CircuitBreaker breaker = site.annotation;
        Parameters p = new Parameters(site);
        long delay = p.number("delay", breaker.delay());
        p.require(delay >= 0, "delay", delay, "must not be negative");
        long delayNanos = Parameters.nanos(delay, p.unit("delayUnit", breaker.delayUnit()));
        int volume = p.integer("requestVolumeThreshold", breaker.requestVolumeThreshold());
        p.require(volume >= 1, "requestVolumeThreshold", volume, "must be at least 1");
        p.require(volume <= CircuitBreakerPolicy.MAX_REQUEST_VOLUME_THRESHOLD, "requestVolumeThreshold", volume,
                "must be at most " + CircuitBreakerPolicy.MAX_REQUEST_VOLUME_THRESHOLD
                        + " (the rolling window keeps that many outcomes in memory)");
        double ratio = p.ratio("failureRatio", breaker.failureRatio());
        p.require(ratio >= 0 && ratio <= 1, "failureRatio", ratio, "must be between 0 and 1");
        int successes = p.integer("successThreshold", breaker.successThreshold());
        p.require(successes >= 1, "successThreshold", successes, "must be at least 1");
        ExceptionClassifier failOn = new ExceptionClassifier(p.throwables("failOn", breaker.failOn()),
                p.throwables("skipOn", breaker.skipOn()));
        return new CircuitBreakerSpec(new CircuitBreakerPolicy(volume, ratio, delayNanos, successes), failOn);
    }

    private static long timeout(AnnotationSite<Timeout> site) {
        Parameters p = new Parameters(site);
        long value = p.number("value", site.annotation.value());
        p.require(value >= 0, "value", value, "must not be negative");
        return Parameters.nanos(value, p.unit("unit", site.annotation.unit()));
    }

    private static BulkheadSpec bulkhead(AnnotationSite<Bulkhead> site) {
        Parameters p = new Parameters(site);
        int value = p.integer("value", site.annotation.value());
        p.require(value >= 1, "value", value, "must be at least 1");
        p.require(value <= BulkheadSpec.MAX_VALUE, "value", value, "must be at most " + BulkheadSpec.MAX_VALUE
                + " (calls admitted beyond the free threads wait in memory)");
        int queue = p.integer("waitingTaskQueue", site.annotation.waitingTaskQueue());
        p.require(queue >= 1, "waitingTaskQueue", queue, "must be at least 1");
        p.require(queue <= BulkheadSpec.MAX_WAITING_TASK_QUEUE, "waitingTaskQueue", queue, "must be at most "
                + BulkheadSpec.MAX_WAITING_TASK_QUEUE + " (every queued call waits in memory)");
        return new BulkheadSpec(value, queue);
    }

    private static FallbackSpec fallback(AnnotationSite<Fallback> site) {
        Fallback fallback = site.annotation;
        Parameters p = new Parameters(site);
        Class<?> handler = p.type("value", fallback.value());
        String methodName = p.text("fallbackMethod", fallback.fallbackMethod());
        boolean hasHandler = handler != Fallback.DEFAULT.class;
        boolean hasMethod = !methodName.isEmpty();
        if (hasHandler && hasMethod) {
            throw p.invalid("value", handler.getName(), "and fallbackMethod = " + methodName
                    + " are both set; use one of them");
        }
        if (!hasHandler && !hasMethod) {
            throw p.invalid("value", "(none)", "nor fallbackMethod is set; set one of them");
        }
        ExceptionClassifier applyOn = new ExceptionClassifier(p.throwables("applyOn", fallback.applyOn()),
                p.throwables("skipOn", fallback.skipOn()));
        if (hasHandler) {
            FallbackMethods.checkHandler(handler, site.method).ifPresent(problem -> {
                throw p.invalid("value", handler.getName(), problem);
            });
            return new FallbackSpec(handler, null, applyOn);
        }
        Method target = FallbackMethods.find(site.method, methodName).orElseThrow(() -> p.invalid("fallbackMethod",
                methodName, "names no method that " + FallbackMethods.requirement(site.method)));
        if (!Modifier.isPublic(target.getModifiers()) || !Modifier.isPublic(target.getDeclaringClass().getModifiers())) {
            target.setAccessible(true);
        }
        return new FallbackSpec(null, target, applyOn);
    }
}
