package dev.fusebox.ft.cdi.metrics.otel;

import static dev.fusebox.ft.cdi.metrics.MetricNames.*;

import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.MethodPolicy;
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
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes to the application's OpenTelemetry (MicroProfile Telemetry) {@link Meter}. Loaded only
 * when the OpenTelemetry API is on the class path and an {@code OpenTelemetry} bean exists. The
 * instruments are created once; each method's attribute sets are built once, at registration.
 * Durations are recorded in seconds, as the specification asks of this backend. Thread-safe.
 */
public final class TelemetryMetricsBackend implements MetricsBackend {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("method");
    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    /** Bucket boundaries in seconds the specification gives for the duration histograms. */
    private static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75,
            1.0, 2.5, 5.0, 7.5, 10.0);

    private final Meter meter;
    private final LongCounter invocations;
    private final LongCounter retryCalls;
    private final LongCounter retries;
    private final LongCounter timeoutCalls;
    private final DoubleHistogram timeoutDuration;
    private final LongCounter breakerCalls;
    private final LongCounter breakerOpened;
    private final LongCounter bulkheadCalls;
    private final DoubleHistogram bulkheadRunning;
    private final DoubleHistogram bulkheadWaiting;
    private final LongCounter rateLimitCalls;
    private final LongCounter shadowWouldReject;
    private final LongCounter budgetRefused;
    private final List<AutoCloseable> observers = new ArrayList<>();

    public TelemetryMetricsBackend(BeanManager beans) {
        OpenTelemetry telemetry = beans.createInstance().select(OpenTelemetry.class).get();
        meter = telemetry.getMeter("dev.fusebox.ft");
        invocations = meter.counterBuilder(INVOCATIONS).build();
        retryCalls = meter.counterBuilder(RETRY_CALLS).build();
        retries = meter.counterBuilder(RETRY_RETRIES).build();
        timeoutCalls = meter.counterBuilder(TIMEOUT_CALLS).build();
        timeoutDuration = duration(TIMEOUT_DURATION);
        breakerCalls = meter.counterBuilder(BREAKER_CALLS).build();
        breakerOpened = meter.counterBuilder(BREAKER_OPENED).build();
        bulkheadCalls = meter.counterBuilder(BULKHEAD_CALLS).build();
        bulkheadRunning = duration(BULKHEAD_RUNNING_DURATION);
        bulkheadWaiting = duration(BULKHEAD_WAITING_DURATION);
        rateLimitCalls = meter.counterBuilder(RATE_LIMIT_CALLS).build();
        shadowWouldReject = meter.counterBuilder(SHADOW_WOULD_REJECT).build();
        budgetRefused = meter.counterBuilder(RETRY_BUDGET_REFUSED).build();
    }

    private DoubleHistogram duration(String name) {
        return meter.histogramBuilder(name).setUnit("seconds").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    }

    /** Whether {@code beans} offers an {@code OpenTelemetry} bean. */
    public static boolean available(BeanManager beans) {
        return beans.createInstance().select(OpenTelemetry.class).isResolvable();
    }

    @Override
    public synchronized MethodMetrics register(MethodPolicy policy, MetricSources sources) {
        String method = MetricNames.method(policy);
        Attributes plain = Attributes.of(METHOD, method);
        Recorder recorder = new Recorder(plain);
        for (FallbackUse use : fallbackUses(policy)) {
            for (boolean value : new boolean[] {true, false}) {
                recorder.invocationAttributes[value ? 1 : 0][use.ordinal()] = Attributes.of(METHOD, method,
                        AttributeKey.stringKey("result"), result(value), AttributeKey.stringKey("fallback"), fallback(use));
            }
        }
        for (RetryOutcome outcome : RetryOutcome.values()) {
            for (boolean retried : new boolean[] {true, false}) {
                recorder.retryAttributes[retried ? 1 : 0][outcome.ordinal()] = Attributes.of(METHOD, method,
                        AttributeKey.stringKey("retried"), String.valueOf(retried),
                        AttributeKey.stringKey("retryResult"), retryResult(outcome));
            }
        }
        for (boolean timedOut : new boolean[] {true, false}) {
            recorder.timeoutAttributes[timedOut ? 1 : 0] = Attributes.of(METHOD, method,
                    AttributeKey.stringKey("timedOut"), String.valueOf(timedOut));
        }
        for (BreakerOutcome outcome : BreakerOutcome.values()) {
            recorder.breakerAttributes[outcome.ordinal()] = Attributes.of(METHOD, method,
                    AttributeKey.stringKey("circuitBreakerResult"), breakerResult(outcome));
        }
        for (boolean accepted : new boolean[] {true, false}) {
            recorder.bulkheadAttributes[accepted ? 1 : 0] = Attributes.of(METHOD, method,
                    AttributeKey.stringKey("bulkheadResult"), accepted ? "accepted" : "rejected");
        }
        for (boolean permitted : new boolean[] {true, false}) {
            recorder.rateLimitAttributes[permitted ? 1 : 0] = Attributes.of(METHOD, method,
                    AttributeKey.stringKey("rateLimitResult"), rateLimitResult(permitted));
        }
        recorder.rateLimitShadow = shadowOf(method, "rateLimit");
        recorder.breakerShadow = shadowOf(method, "circuitBreaker");
        recorder.bulkheadShadow = shadowOf(method, "bulkhead");
        recorder.startAtZero(policy, sources);
        if (sources.breaker() != null) {
            Attributes[] stateAttributes = new Attributes[CircuitState.values().length];
            for (CircuitState state : CircuitState.values()) {
                stateAttributes[state.ordinal()] = Attributes.of(METHOD, method, AttributeKey.stringKey("state"), state(state));
            }
            observers.add(meter.counterBuilder(BREAKER_STATE).setUnit("nanoseconds").buildWithCallback(measurement -> {
                for (CircuitState state : CircuitState.values()) {
                    measurement.record(sources.breaker().nanosIn(state), stateAttributes[state.ordinal()]);
                }
            }));
        }
        if (sources.bulkheadRunning() != null) {
            observers.add(meter.upDownCounterBuilder(BULKHEAD_RUNNING).buildWithCallback(
                    measurement -> measurement.record(sources.bulkheadRunning().getAsLong(), plain)));
            if (policy.async() != AsyncMode.NONE) {
                observers.add(meter.upDownCounterBuilder(BULKHEAD_WAITING).buildWithCallback(
                        measurement -> measurement.record(sources.bulkheadWaiting().getAsLong(), plain)));
            }
        }
        observers.addAll(TelemetryReadings.register(meter, plain, sources.readings()));
        return recorder;
    }

    private static Attributes shadowOf(String method, String policy) {
        return Attributes.of(METHOD, method, AttributeKey.stringKey("policy"), policy);
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable observer : observers) {
            try {
                observer.close();
            } catch (Exception e) {
                System.getLogger(TelemetryMetricsBackend.class.getName())
                        .log(System.Logger.Level.WARNING, "could not close an OpenTelemetry callback", e);
            }
        }
        observers.clear();
    }

    /** One method's attribute sets, built at registration; a call only adds to an instrument. */
    private final class Recorder implements MethodMetrics {
        final Attributes plain;
        final Attributes[][] invocationAttributes = new Attributes[2][FallbackUse.values().length];
        final Attributes[][] retryAttributes = new Attributes[2][RetryOutcome.values().length];
        final Attributes[] timeoutAttributes = new Attributes[2];
        final Attributes[] breakerAttributes = new Attributes[BreakerOutcome.values().length];
        final Attributes[] bulkheadAttributes = new Attributes[2];
        final Attributes[] rateLimitAttributes = new Attributes[2];
        Attributes rateLimitShadow;
        Attributes breakerShadow;
        Attributes bulkheadShadow;

        Recorder(Attributes plain) {
            this.plain = plain;
        }

        /**
         * Creates every counter series the method can produce at 0, so a scraper sees each series
         * before its first increment (else {@code rate()} misses that increment).
         */
        void startAtZero(MethodPolicy policy, MetricSources sources) {
            for (Attributes[] values : invocationAttributes) {
                for (Attributes attributes : values) {
                    if (attributes != null) {
                        invocations.add(0, attributes);
                    }
                }
            }
            if (policy.retry() != null) {
                for (Attributes[] values : retryAttributes) {
                    for (Attributes attributes : values) {
                        retryCalls.add(0, attributes);
                    }
                }
                retries.add(0, plain);
                if (policy.fusebox().retryBudget() != null) {
                    budgetRefused.add(0, plain);
                }
            }
            if (policy.timeoutNanos() > 0) {
                for (Attributes attributes : timeoutAttributes) {
                    timeoutCalls.add(0, attributes);
                }
            }
            if (sources.breaker() != null) {
                for (Attributes attributes : breakerAttributes) {
                    breakerCalls.add(0, attributes);
                }
                breakerOpened.add(0, plain);
                shadowWouldReject.add(0, breakerShadow);
            }
            if (sources.bulkheadRunning() != null) {
                for (Attributes attributes : bulkheadAttributes) {
                    bulkheadCalls.add(0, attributes);
                }
                shadowWouldReject.add(0, bulkheadShadow);
            }
            if (policy.fusebox().rateLimit() != null) {
                for (Attributes attributes : rateLimitAttributes) {
                    rateLimitCalls.add(0, attributes);
                }
                shadowWouldReject.add(0, rateLimitShadow);
            }
        }

        @Override
        public void invocation(boolean valueReturned, FallbackUse fallback) {
            invocations.add(1, invocationAttributes[valueReturned ? 1 : 0][fallback.ordinal()]);
        }

        @Override
        public void retryFinished(boolean retried, RetryOutcome outcome) {
            retryCalls.add(1, retryAttributes[retried ? 1 : 0][outcome.ordinal()]);
        }

        @Override
        public void retried() {
            retries.add(1, plain);
        }

        @Override
        public void timeoutFinished(boolean timedOut, long nanos) {
            timeoutCalls.add(1, timeoutAttributes[timedOut ? 1 : 0]);
            timeoutDuration.record(nanos / NANOS_PER_SECOND, plain);
        }

        @Override
        public void circuitBreakerCall(BreakerOutcome outcome) {
            breakerCalls.add(1, breakerAttributes[outcome.ordinal()]);
        }

        @Override
        public void circuitBreakerOpened() {
            breakerOpened.add(1, plain);
        }

        @Override
        public void bulkheadCall(boolean accepted) {
            bulkheadCalls.add(1, bulkheadAttributes[accepted ? 1 : 0]);
        }

        @Override
        public void bulkheadRan(long nanos) {
            bulkheadRunning.record(nanos / NANOS_PER_SECOND, plain);
        }

        @Override
        public void bulkheadWaited(long nanos) {
            bulkheadWaiting.record(nanos / NANOS_PER_SECOND, plain);
        }

        @Override
        public void rateLimitCall(RateLimitOutcome outcome) {
            switch (outcome) {
                case PERMITTED -> rateLimitCalls.add(1, rateLimitAttributes[1]);
                case REJECTED -> rateLimitCalls.add(1, rateLimitAttributes[0]);
                case WOULD_REJECT -> shadowWouldReject.add(1, rateLimitShadow);
            }
        }

        @Override
        public void retryBudgetRefused() {
            budgetRefused.add(1, plain);
        }

        @Override
        public void shadowWouldReject(ShadowedPolicy policy) {
            shadowWouldReject.add(1, policy == ShadowedPolicy.CIRCUIT_BREAKER ? breakerShadow : bulkheadShadow);
        }
    }
}
