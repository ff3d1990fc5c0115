package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.AdaptiveAlgorithm;
import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.management.AdaptiveBulkheadMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.GuardedMethodInfo;
import dev.fusebox.ft.management.HedgeMXBean;
import dev.fusebox.ft.management.LimitWindow;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adaptive bulkhead's and the hedge's MXBeans: settings, the limit and its history as open
 * data, refusals and hedges, and both listed among the method's policies in chain order.
 */
@ExtendWith(ThreadHygiene.class)
class AdaptiveManagementTest {

    @ApplicationScoped
    public static class Catalog {
        private int searches;

        /** Each call takes 2 ms, so each ends past its 1 ms window and closes it. */
        @AdaptiveBulkhead(algorithm = AdaptiveAlgorithm.AIMD, initialLimit = 3, minLimit = 2, maxLimit = 40, window = 1,
                windowUnit = ChronoUnit.MILLIS, minSamples = 1, liveReserve = 0.5, priority = CallPriority.BATCH)
        public String page() throws InterruptedException {
            Thread.sleep(2);
            return "page";
        }

        /** The first attempt hangs until interrupted; the hedge answers. */
        @Hedge(delay = 20, maxHedges = 2)
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
    void theLimitItsHistoryAndTheHedgesAreReadOverJmx() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.application", "adaptive"), Catalog.class)) {
            Catalog catalog = container.bean(Catalog.class);
            AdaptiveBulkheadMXBean adaptive = MBeans.proxy(MBeans.name(container, ManagementNames.ADAPTIVE_BULKHEAD,
                    Catalog.class, "page"), AdaptiveBulkheadMXBean.class);
            assertThat(adaptive.getLimit()).isEqualTo(3);
            assertThat(adaptive.getHistory()).isEmpty();
            long before = System.currentTimeMillis();
            for (int i = 0; i < 5; i++) {
                assertThat(catalog.page()).isEqualTo("page");
            }
            assertThat(adaptive.getAlgorithm()).isEqualTo("AIMD");
            assertThat(adaptive.getMinLimit()).isEqualTo(2);
            assertThat(adaptive.getMaxLimit()).isEqualTo(40);
            assertThat(adaptive.getLiveReserve()).isEqualTo(0.5);
            assertThat(adaptive.getPriority()).isEqualTo("BATCH");
            assertThat(adaptive.getWindowMillis()).isEqualTo(1);
            assertThat(adaptive.getRunning()).isZero();
            assertThat(adaptive.getRejectedLive()).isZero();
            assertThat(adaptive.getRejectedBatch()).isZero();
            List<LimitWindow> history = adaptive.getHistory();
            assertThat(history).as("every call closed its window").hasSize(5);
            assertThat(history).extracting(LimitWindow::number).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(history).allSatisfy(w -> {
                assertThat(w.samples()).isEqualTo(1);
                assertThat(w.maxInflight()).isEqualTo(1);
                assertThat(w.averageRttMillis()).isGreaterThanOrEqualTo(2.0);
                assertThat(w.endedEpochMillis()).isBetween(before - 1_000, System.currentTimeMillis() + 1_000);
                assertThat(w.dropped()).isFalse();
            });
            assertThat(history.get(4).limit()).as("the last window's limit is the limit").isEqualTo(adaptive.getLimit());
            Object raw = MBeans.SERVER.getAttribute(MBeans.name(container, ManagementNames.ADAPTIVE_BULKHEAD,
                    Catalog.class, "page"), "History");
            assertThat(raw).as("open data for any JMX client").isInstanceOf(CompositeData[].class);

            assertThat(catalog.search()).isEqualTo("found");
            HedgeMXBean hedge = MBeans.proxy(MBeans.name(container, ManagementNames.HEDGE, Catalog.class, "search"),
                    HedgeMXBean.class);
            assertThat(hedge.getDelayMillis()).isEqualTo(20.0);
            assertThat(hedge.getPercentile()).isZero();
            assertThat(hedge.getMaxHedges()).isEqualTo(2);
            assertThat(hedge.getHedgesStarted()).isEqualTo(1);
            assertThat(hedge.getHedgesWon()).isEqualTo(1);
            assertThat(hedge.getHedgesRefused()).isZero();

            FaultToleranceMXBean registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
            assertThat(registry.getGuardedMethods()).extracting(GuardedMethodInfo::policies)
                    .containsExactlyInAnyOrder(List.of("AdaptiveBulkhead"), List.of("Hedge"));
        }
    }
}
