package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitException;
import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.smallrye.metrics.setup.MetricCdiInjectionExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scripted run (5 failures open the breaker, 3 calls are rejected, the breaker recovers) read
 * back from both real backends at once: SmallRye Metrics (MicroProfile Metrics) and the
 * OpenTelemetry SDK with an in-memory reader. The counts must be exact in both.
 */
@ExtendWith(ThreadHygiene.class)
class MetricsTest {

    private static final String PAYMENTS = Payments.class.getCanonicalName();

    @ApplicationScoped
    public static class Payments {
        private final AtomicBoolean healthy = new AtomicBoolean();
        private final AtomicInteger lookups = new AtomicInteger();

        void heal() {
            healthy.set(true);
        }

        @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 100, successThreshold = 2)
        public String charge() {
            if (!healthy.get()) {
                throw new IllegalStateException("payments down");
            }
            return "charged";
        }

        @Retry(maxRetries = 3, delay = 0, jitter = 0)
        public String lookup() {
            if (lookups.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "found";
        }

        @RateLimit(value = 2, window = 1, windowUnit = ChronoUnit.MINUTES)
        public String quote() {
            return "quoted";
        }

        @Timeout(value = 50, unit = ChronoUnit.MILLIS)
        public String slow(CountDownLatch entered, CountDownLatch never) throws InterruptedException {
            entered.countDown();
            never.await();
            return "never";
        }
    }

    /** The application's OpenTelemetry: an SDK whose metrics the test reads in memory. */
    @ApplicationScoped
    public static class Telemetry {
        static final ThreadLocal<InMemoryMetricReader> READER = new ThreadLocal<>();

        @Produces
        @Singleton
        OpenTelemetry openTelemetry() {
            return OpenTelemetrySdk.builder()
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(READER.get()).build()).build();
        }

        void close(@Disposes OpenTelemetry telemetry) {
            ((OpenTelemetrySdk) telemetry).close();
        }
    }

    @SuppressWarnings("all")
    static final class Base extends AnnotationLiteral<RegistryType> implements RegistryType {
        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.BASE;
        }
    }

    /** In virtual time, so the breaker's open time and the timeout's duration are exact. */
    @Test
    void scriptedBreakerRunCountsExactlyInBothBackends() throws Exception {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        Telemetry.READER.set(reader);
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, List.of(new MetricCdiInjectionExtension()),
                Payments.class, Telemetry.class);
             CallingThread caller = new CallingThread()) {
            Payments payments = container.bean(Payments.class);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(payments::charge).isInstanceOf(IllegalStateException.class);
            }
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(payments::charge).isInstanceOf(CircuitBreakerOpenException.class);
            }
            payments.heal();
            time.advance(Duration.ofMillis(100));
            assertThat(payments.charge()).as("the trial call after the delay").isEqualTo("charged");
            assertThat(payments.charge()).isEqualTo("charged");
            assertThat(payments.charge()).isEqualTo("charged");
            assertThat(payments.lookup()).isEqualTo("found");
            assertThat(payments.quote()).isEqualTo("quoted");
            assertThat(payments.quote()).isEqualTo("quoted");
            assertThatThrownBy(payments::quote).isInstanceOf(RateLimitException.class);
            CountDownLatch entered = new CountDownLatch(1);
            Future<Object> slow = caller.call(() -> {
                try {
                    return payments.slow(entered, new CountDownLatch(1));
                } catch (TimeoutException expected) {
                    return expected;
                }
            });
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            time.advance(Duration.ofMillis(50));
            assertThat(slow.get(5, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

            MetricRegistry registry = container.bean(MetricRegistry.class, new Base());
            Collection<MetricData> telemetry = reader.collectAllMetrics();

            both(registry, telemetry, "ft.circuitbreaker.calls.total", "charge", 5, "circuitBreakerResult", "failure");
            both(registry, telemetry, "ft.circuitbreaker.calls.total", "charge", 3, "circuitBreakerResult", "success");
            both(registry, telemetry, "ft.circuitbreaker.calls.total", "charge", 3,
                    "circuitBreakerResult", "circuitBreakerOpen");
            both(registry, telemetry, "ft.circuitbreaker.opened.total", "charge", 1);
            both(registry, telemetry, "ft.invocations.total", "charge", 8,
                    "result", "exceptionThrown", "fallback", "notDefined");
            both(registry, telemetry, "ft.invocations.total", "charge", 3, "result", "valueReturned", "fallback", "notDefined");
            both(registry, telemetry, "ft.retry.calls.total", "lookup", 1, "retried", "true", "retryResult", "valueReturned");
            both(registry, telemetry, "ft.retry.retries.total", "lookup", 2);
            both(registry, telemetry, "ft.timeout.calls.total", "slow", 1, "timedOut", "true");
            both(registry, telemetry, "ft.ratelimit.calls.total", "quote", 2, "rateLimitResult", "permitted");
            both(registry, telemetry, "ft.ratelimit.calls.total", "quote", 1, "rateLimitResult", "rejected");
            both(registry, telemetry, "ft.shadow.wouldReject.total", "quote", 0, "policy", "rateLimit");
            both(registry, telemetry, "ft.timeout.calls.total", "slow", 0, "timedOut", "false");

            assertThat(registry.getHistograms().get(new MetricID("ft.timeout.executionDuration",
                    new Tag("method", PAYMENTS + ".slow"))).getCount()).isEqualTo(1);
            HistogramPointData durations = (HistogramPointData) point(telemetry, "ft.timeout.executionDuration", "slow");
            assertThat(durations.getCount()).isEqualTo(1);
            assertThat(durations.getSum()).as("seconds: the timeout's 50 ms, read from the virtual clock").isEqualTo(0.05);

            long openNanos = ((Number) registry.getGauges().get(new MetricID("ft.circuitbreaker.state.total",
                    new Tag("method", PAYMENTS + ".charge"), new Tag("state", "open"))).getValue()).longValue();
            assertThat(openNanos).as("the breaker was open for its delay").isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
            LongPointData open = (LongPointData) point(telemetry, "ft.circuitbreaker.state.total", "charge", "state", "open");
            assertThat(open.getValue()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        } finally {
            Telemetry.READER.remove();
        }
    }

    private static void both(MetricRegistry registry, Collection<MetricData> telemetry, String name, String method,
                             long expected, String... tags) {
        assertThat(counter(registry, name, method, tags)).as("MP Metrics " + name + " " + List.of(tags)).isEqualTo(expected);
        LongPointData point = (LongPointData) point(telemetry, name, method, tags);
        assertThat(point == null ? 0 : point.getValue()).as("OpenTelemetry " + name + " " + List.of(tags)).isEqualTo(expected);
    }

    private static long counter(MetricRegistry registry, String name, String method, String... tags) {
        Tag[] all = new Tag[tags.length / 2 + 1];
        all[0] = new Tag("method", PAYMENTS + "." + method);
        for (int i = 0; i < tags.length; i += 2) {
            all[i / 2 + 1] = new Tag(tags[i], tags[i + 1]);
        }
        return registry.getCounters().get(new MetricID(name, all)).getCount();
    }

    private static Object point(Collection<MetricData> telemetry, String name, String method, String... tags) {
        var attributes = Attributes.builder().put(AttributeKey.stringKey("method"), PAYMENTS + "." + method);
        for (int i = 0; i < tags.length; i += 2) {
            attributes.put(AttributeKey.stringKey(tags[i]), tags[i + 1]);
        }
        Attributes wanted = attributes.build();
        return telemetry.stream().filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getData().getPoints().stream())
                .filter(point -> point.getAttributes().equals(wanted))
                .findFirst().orElse(null);
    }
}
