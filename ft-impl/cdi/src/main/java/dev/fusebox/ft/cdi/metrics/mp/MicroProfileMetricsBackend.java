package dev.fusebox.ft.cdi.metrics.mp;

import static dev.fusebox.ft.cdi.metrics.MetricNames.*;

import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.metrics.EngineReading;
import dev.fusebox.ft.cdi.metrics.MetricNames;
import dev.fusebox.ft.cdi.metrics.MetricSources;
import dev.fusebox.ft.cdi.metrics.MetricsBackend;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.metrics.MethodMetrics.BreakerOutcome;
import dev.fusebox.ft.core.metrics.MethodMetrics.FallbackUse;
import dev.fusebox.ft.core.metrics.MethodMetrics.RateLimitOutcome;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;
import dev.fusebox.ft.core.metrics.MethodMetrics.ShadowedPolicy;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.AnnotationLiteral;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Publishes to the MicroProfile Metrics base registry of the application. Loaded only when the
 * MicroProfile Metrics API is on the class path and the registry is a bean. Thread-safe.
 */
public final class MicroProfileMetricsBackend implements MetricsBackend {

    private final MetricRegistry registry;
    private final List<MetricID> registered = new ArrayList<>();

    public MicroProfileMetricsBackend(BeanManager beans) {
        this.registry = beans.createInstance().select(MetricRegistry.class, new BaseRegistry()).get();
    }

    /** Whether {@code beans} offers a base metric registry. */
    public static boolean available(BeanManager beans) {
        return beans.createInstance().select(MetricRegistry.class, new BaseRegistry()).isResolvable();
    }

    @Override
    public synchronized MethodMetrics register(MethodPolicy policy, MetricSources sources) {
        Tag method = new Tag("method", MetricNames.method(policy));
        Recorder recorder = new Recorder();
        for (FallbackUse use : fallbackUses(policy)) {
            for (boolean value : new boolean[] {true, false}) {
                recorder.invocations[value ? 1 : 0][use.ordinal()] = counter(INVOCATIONS, method,
                        new Tag("result", result(value)), new Tag("fallback", fallback(use)));
            }
        }
        if (policy.retry() != null) {
            for (RetryOutcome outcome : RetryOutcome.values()) {
                for (boolean retried : new boolean[] {true, false}) {
                    recorder.retryCalls[retried ? 1 : 0][outcome.ordinal()] = counter(RETRY_CALLS, method,
                            new Tag("retried", String.valueOf(retried)), new Tag("retryResult", retryResult(outcome)));
                }
            }
            recorder.retries = counter(RETRY_RETRIES, method);
            if (policy.fusebox().retryBudget() != null) {
                recorder.budgetRefused = counter(RETRY_BUDGET_REFUSED, method);
            }
        }
        if (policy.timeoutNanos() > 0) {
            for (boolean timedOut : new boolean[] {true, false}) {
                recorder.timeoutCalls[timedOut ? 1 : 0] = counter(TIMEOUT_CALLS, method,
                        new Tag("timedOut", String.valueOf(timedOut)));
            }
            recorder.timeoutDuration = histogram(TIMEOUT_DURATION, method);
        }
        if (sources.breaker() != null) {
            for (BreakerOutcome outcome : BreakerOutcome.values()) {
                recorder.breakerCalls[outcome.ordinal()] = counter(BREAKER_CALLS, method,
                        new Tag("circuitBreakerResult", breakerResult(outcome)));
            }
            for (CircuitState state : CircuitState.values()) {
                gauge(Metadata.builder().withName(BREAKER_STATE).withUnit(MetricUnits.NANOSECONDS).build(),
                        () -> sources.breaker().nanosIn(state), method, new Tag("state", state(state)));
            }
            recorder.breakerOpened = counter(BREAKER_OPENED, method);
            recorder.breakerShadow = counter(SHADOW_WOULD_REJECT, method, new Tag("policy", "circuitBreaker"));
        }
        if (sources.bulkheadRunning() != null) {
            for (boolean accepted : new boolean[] {true, false}) {
                recorder.bulkheadCalls[accepted ? 1 : 0] = counter(BULKHEAD_CALLS, method,
                        new Tag("bulkheadResult", accepted ? "accepted" : "rejected"));
            }
            gauge(Metadata.builder().withName(BULKHEAD_RUNNING).build(), sources.bulkheadRunning()::getAsLong, method);
            recorder.bulkheadRunning = histogram(BULKHEAD_RUNNING_DURATION, method);
            recorder.bulkheadShadow = counter(SHADOW_WOULD_REJECT, method, new Tag("policy", "bulkhead"));
            if (policy.async() != AsyncMode.NONE) {
                gauge(Metadata.builder().withName(BULKHEAD_WAITING).build(), sources.bulkheadWaiting()::getAsLong, method);
                recorder.bulkheadWaiting = histogram(BULKHEAD_WAITING_DURATION, method);
            }
        }
        if (policy.fusebox().rateLimit() != null) {
            for (boolean permitted : new boolean[] {true, false}) {
                recorder.rateLimitCalls[permitted ? 1 : 0] = counter(RATE_LIMIT_CALLS, method,
                        new Tag("rateLimitResult", rateLimitResult(permitted)));
            }
            recorder.rateLimitShadow = counter(SHADOW_WOULD_REJECT, method, new Tag("policy", "rateLimit"));
        }
        for (EngineReading reading : sources.readings()) {
            List<Tag> tags = new ArrayList<>(List.of(method));
            reading.tags().forEach((key, value) -> tags.add(new Tag(key, value)));
            gauge(Metadata.builder().withName(reading.name()).build(), reading.value()::getAsLong, tags.toArray(Tag[]::new));
        }
        return recorder;
    }

    @Override
    public synchronized void close() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    private Counter counter(String name, Tag... tags) {
        Counter counter = registry.counter(Metadata.builder().withName(name).build(), tags);
        registered.add(new MetricID(name, tags));
        return counter;
    }

    private Histogram histogram(String name, Tag... tags) {
        Histogram histogram = registry.histogram(
                Metadata.builder().withName(name).withUnit(MetricUnits.NANOSECONDS).build(), tags);
        registered.add(new MetricID(name, tags));
        return histogram;
    }

    private void gauge(Metadata metadata, java.util.function.Supplier<Long> value, Tag... tags) {
        MetricID id = new MetricID(metadata.getName(), tags);
        registry.remove(id); // a gauge left by an earlier container would read that container's engines
        registry.gauge(metadata, value, tags);
        registered.add(id);
    }

    /** The pre-registered metrics of one method; a call only increments what is already there. */
    private static final class Recorder implements MethodMetrics {
        final Counter[][] invocations = new Counter[2][FallbackUse.values().length];
        final Counter[][] retryCalls = new Counter[2][RetryOutcome.values().length];
        final Counter[] timeoutCalls = new Counter[2];
        final Counter[] breakerCalls = new Counter[BreakerOutcome.values().length];
        final Counter[] bulkheadCalls = new Counter[2];
        final Counter[] rateLimitCalls = new Counter[2];
        Counter rateLimitShadow;
        Counter breakerShadow;
        Counter budgetRefused;
        Counter bulkheadShadow;
        Counter retries;
        Counter breakerOpened;
        Histogram timeoutDuration;
        Histogram bulkheadRunning;
        Histogram bulkheadWaiting;

        @Override
        public void invocation(boolean valueReturned, FallbackUse fallback) {
            invocations[valueReturned ? 1 : 0][fallback.ordinal()].inc();
        }

        @Override
        public void retryFinished(boolean retried, RetryOutcome outcome) {
            retryCalls[retried ? 1 : 0][outcome.ordinal()].inc();
        }

        @Override
        public void retried() {
            retries.inc();
        }

        @Override
        public void timeoutFinished(boolean timedOut, long nanos) {
            timeoutCalls[timedOut ? 1 : 0].inc();
            timeoutDuration.update(nanos);
        }

        @Override
        public void circuitBreakerCall(BreakerOutcome outcome) {
            breakerCalls[outcome.ordinal()].inc();
        }

        @Override
        public void circuitBreakerOpened() {
            breakerOpened.inc();
        }

        @Override
        public void bulkheadCall(boolean accepted) {
            bulkheadCalls[accepted ? 1 : 0].inc();
        }

        @Override
        public void bulkheadRan(long nanos) {
            bulkheadRunning.update(nanos);
        }

        @Override
        public void bulkheadWaited(long nanos) {
            bulkheadWaiting.update(nanos);
        }

        @Override
        public void rateLimitCall(RateLimitOutcome outcome) {
            switch (outcome) {
                case PERMITTED -> rateLimitCalls[1].inc();
                case REJECTED -> rateLimitCalls[0].inc();
                case WOULD_REJECT -> rateLimitShadow.inc();
            }
        }

        @Override
        public void retryBudgetRefused() {
            budgetRefused.inc();
        }

        @Override
        public void shadowWouldReject(ShadowedPolicy policy) {
            (policy == ShadowedPolicy.CIRCUIT_BREAKER ? breakerShadow : bulkheadShadow).inc();
        }
    }

    /** {@code @RegistryType(type = BASE)}: the specification puts fault-tolerance metrics in the base scope. */
    @SuppressWarnings("all")
    private static final class BaseRegistry extends AnnotationLiteral<RegistryType> implements RegistryType {
        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.BASE;
        }
    }
}
