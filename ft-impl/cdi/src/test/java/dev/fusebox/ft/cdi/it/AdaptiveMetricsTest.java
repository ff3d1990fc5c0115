package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.smallrye.metrics.setup.MetricCdiInjectionExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adaptive limit's and the hedge's metrics (docs/metrics.md) read back from both real backends:
 * the limit and the calls holding a place while one is held, refusals by priority, hedges started
 * and won.
 */
@ExtendWith(ThreadHygiene.class)
class AdaptiveMetricsTest {

    private static final String BEAN = Catalog.class.getCanonicalName();

    @ApplicationScoped
    public static class Catalog {
        private int searches;

        @AdaptiveBulkhead(initialLimit = 1, minLimit = 1, maxLimit = 4)
        public String page(CountDownLatch entered, CountDownLatch leave) throws InterruptedException {
            entered.countDown();
            leave.await(10, TimeUnit.SECONDS);
            return "page";
        }

        @AdaptiveBulkhead(initialLimit = 2, minLimit = 1, maxLimit = 4, liveReserve = 0.5, priority = CallPriority.BATCH)
        public String export(CountDownLatch entered, CountDownLatch leave) throws InterruptedException {
            entered.countDown();
            leave.await(10, TimeUnit.SECONDS);
            return "export";
        }

        /** The first attempt hangs until interrupted; the hedge answers. */
        @Hedge(delay = 20)
        public String search() throws InterruptedException {
            boolean first;
            synchronized (this) {
                first = searches++ == 0;
            }
            if (first) {
                Thread.sleep(60_000);
            }
            return "found";
        }
    }

    @Test
    void limitRunningRefusalsAndHedgesAreReadFromTheEnginesInBothBackends() throws Exception {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        MetricsTest.Telemetry.READER.set(reader);
        try (Container container = Container.start(Map.of(), List.of(new MetricCdiInjectionExtension()), Catalog.class,
                MetricsTest.Telemetry.class);
             CallingThread pageCaller = new CallingThread();
             CallingThread exportCaller = new CallingThread()) {
            Catalog catalog = container.bean(Catalog.class);
            MetricRegistry registry = container.bean(MetricRegistry.class, new MetricsTest.Base());
            CountDownLatch leave = new CountDownLatch(1);
            CountDownLatch pageEntered = new CountDownLatch(1);
            CountDownLatch exportEntered = new CountDownLatch(1);
            Future<String> page = pageCaller.call(() -> catalog.page(pageEntered, leave));
            Future<String> export = exportCaller.call(() -> catalog.export(exportEntered, leave));
            assertThat(pageEntered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(exportEntered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> catalog.page(new CountDownLatch(1), leave)).isInstanceOf(BulkheadException.class);
            assertThatThrownBy(() -> catalog.export(new CountDownLatch(1), leave))
                    .as("a batch call may not use the live half").isInstanceOf(BulkheadException.class);

            Collection<MetricData> held = reader.collectAllMetrics();
            both(registry, held, "ft.adaptivebulkhead.limit", "page", 1);
            both(registry, held, "ft.adaptivebulkhead.limit", "export", 2);
            both(registry, held, "ft.adaptivebulkhead.executionsRunning", "page", 1);
            both(registry, held, "ft.adaptivebulkhead.executionsRunning", "export", 1);
            both(registry, held, "ft.adaptivebulkhead.rejected.total", "page", 1, "priority", "live");
            both(registry, held, "ft.adaptivebulkhead.rejected.total", "page", 0, "priority", "batch");
            both(registry, held, "ft.adaptivebulkhead.rejected.total", "export", 1, "priority", "batch");

            leave.countDown();
            assertThat(page.get(10, TimeUnit.SECONDS)).isEqualTo("page");
            assertThat(export.get(10, TimeUnit.SECONDS)).isEqualTo("export");
            assertThat(catalog.search()).isEqualTo("found");

            Collection<MetricData> after = reader.collectAllMetrics();
            both(registry, after, "ft.adaptivebulkhead.executionsRunning", "page", 0);
            both(registry, after, "ft.hedge.hedges.total", "search", 1, "hedgeResult", "started");
            both(registry, after, "ft.hedge.hedges.total", "search", 1, "hedgeResult", "won");
            both(registry, after, "ft.hedge.hedges.total", "search", 0, "hedgeResult", "refused");
        } finally {
            MetricsTest.Telemetry.READER.remove();
        }
    }

    private static void both(MetricRegistry registry, Collection<MetricData> telemetry, String name, String method,
                             long expected, String... tags) {
        Tag[] all = new Tag[tags.length / 2 + 1];
        all[0] = new Tag("method", BEAN + "." + method);
        var attributes = Attributes.builder().put(AttributeKey.stringKey("method"), BEAN + "." + method);
        for (int i = 0; i < tags.length; i += 2) {
            all[i / 2 + 1] = new Tag(tags[i], tags[i + 1]);
            attributes.put(AttributeKey.stringKey(tags[i]), tags[i + 1]);
        }
        Gauge<?> gauge = registry.getGauges().get(new MetricID(name, all));
        assertThat(gauge).as("MP Metrics " + name + " " + List.of(tags)).isNotNull();
        assertThat(((Number) gauge.getValue()).longValue()).as("MP Metrics " + name + " " + List.of(tags)).isEqualTo(expected);
        Attributes wanted = attributes.build();
        LongPointData point = telemetry.stream().filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(wanted)).map(LongPointData.class::cast).findFirst().orElse(null);
        assertThat(point).as("OpenTelemetry " + name + " " + List.of(tags)).isNotNull();
        assertThat(point.getValue()).as("OpenTelemetry " + name + " " + List.of(tags)).isEqualTo(expected);
    }
}
