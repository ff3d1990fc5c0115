package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.smallrye.metrics.setup.MetricCdiInjectionExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A programmatic guard built while a container runs reports the specification's metrics to the
 * container's backends (MicroProfile Metrics and OpenTelemetry), tagged
 * {@code method=dev.fusebox.ft.api.Guard.<name>}: each call site's fallback use, the retry, the
 * breaker and its state gauge; a guard built again under the name after a close goes on counting.
 */
@ExtendWith(ThreadHygiene.class)
class GuardMetricsTest {

    private static final String METHOD = "dev.fusebox.ft.api.Guard.metered";

    @Test
    void aGuardReportsToTheContainersMetricsLikeAnAnnotatedMethod() throws Exception {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        MetricsTest.Telemetry.READER.set(reader);
        try (Container container = VirtualTimeExtension.container(new VirtualTime(),
                List.of(new MetricCdiInjectionExtension()), MetricsTest.Telemetry.class)) {
            Guard guard = Guard.builder("metered").retry(r -> r.maxRetries(2).jitter(Duration.ZERO))
                    .circuitBreaker(cb -> cb.requestVolumeThreshold(100)).build();
            try {
                assertThat(guard.call(() -> "ok")).isEqualTo("ok");
                assertThat(guard.<String>call(() -> {
                    throw new IOException("down");
                }, failure -> "cached")).isEqualTo("cached");
                assertThatThrownBy(() -> guard.call(() -> {
                    throw new IOException("down");
                })).isInstanceOf(IOException.class);
            } finally {
                guard.close();
            }
            Guard again = Guard.builder("metered").retry(r -> r.maxRetries(2).jitter(Duration.ZERO))
                    .circuitBreaker(cb -> cb.requestVolumeThreshold(100)).build();
            try {
                assertThat(again.call(() -> "ok")).isEqualTo("ok");
                MetricRegistry registry = container.bean(MetricRegistry.class, new MetricsTest.Base());
                Collection<MetricData> telemetry = reader.collectAllMetrics();
                both(registry, telemetry, "ft.invocations.total", 2, "result", "valueReturned", "fallback", "notDefined");
                both(registry, telemetry, "ft.invocations.total", 1, "result", "valueReturned", "fallback", "applied");
                both(registry, telemetry, "ft.invocations.total", 1, "result", "exceptionThrown", "fallback", "notDefined");
                both(registry, telemetry, "ft.retry.retries.total", 4);
                both(registry, telemetry, "ft.circuitbreaker.calls.total", 6, "circuitBreakerResult", "failure");
                both(registry, telemetry, "ft.circuitbreaker.calls.total", 2, "circuitBreakerResult", "success");
                long closed = ((Number) registry.getGauges().get(new MetricID("ft.circuitbreaker.state.total",
                        new Tag("method", METHOD), new Tag("state", "closed"))).getValue()).longValue();
                assertThat(closed).as("the gauge reads the live guard's breaker").isPositive();
            } finally {
                again.close();
            }
        } finally {
            MetricsTest.Telemetry.READER.remove();
        }
    }

    private static void both(MetricRegistry registry, Collection<MetricData> telemetry, String name, long expected,
                             String... tags) {
        Tag[] all = new Tag[tags.length / 2 + 1];
        all[0] = new Tag("method", METHOD);
        var attributes = Attributes.builder().put(AttributeKey.stringKey("method"), METHOD);
        for (int i = 0; i < tags.length; i += 2) {
            all[i / 2 + 1] = new Tag(tags[i], tags[i + 1]);
            attributes.put(AttributeKey.stringKey(tags[i]), tags[i + 1]);
        }
        assertThat(registry.getCounters().get(new MetricID(name, all)).getCount())
                .as("MP Metrics " + name + " " + List.of(tags)).isEqualTo(expected);
        Attributes wanted = attributes.build();
        LongPointData point = (LongPointData) telemetry.stream().filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(wanted)).findFirst().orElse(null);
        assertThat(point == null ? 0 : point.getValue()).as("OpenTelemetry " + name + " " + List.of(tags))
                .isEqualTo(expected);
    }
}
