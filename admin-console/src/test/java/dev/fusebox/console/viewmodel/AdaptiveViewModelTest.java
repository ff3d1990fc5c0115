package dev.fusebox.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.feed.AdaptiveLimitReading;
import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.HedgeReading;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.LimitWindowReading;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.viewmodel.ConsoleViewModelTest.RecordingOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * The "Adaptive & hedges" view-model on the test thread: snapshots folded into rows (in place), the
 * selected bulkhead's windows into chart points with the time counted back from the last window in a
 * named unit, nothing redrawn for the same windows, {@code (last known)} rows and a chart marked not live
 * while the JVM is lost, rows and chart gone with the JVM.
 */
class AdaptiveViewModelTest {

    private static final MethodKey QUOTE = new MethodKey("jvm-a", "shop", "com.example.Pricing", "quote");
    private static final MethodKey LOOKUP = new MethodKey("jvm-a", "shop", "com.example.Stock", "lookup");
    private static final long T0 = 1_796_600_000_000L;

    private final ConsoleViewModel console = new ConsoleViewModel(new RecordingOperations(), Runnable::run);
    private final AdaptiveViewModel vm = console.adaptive();

    private static LimitWindowReading window(long n, long endedAfterMillis, int limit, int inflight, double rtt) {
        return new LimitWindowReading(n, T0 + endedAfterMillis, limit, 10, rtt, inflight, n == 2);
    }

    private static JvmSnapshot jvm(ConnectionState connection, List<LimitWindowReading> windows) {
        int limit = windows.isEmpty() ? 20 : windows.get(windows.size() - 1).limit();
        return new JvmSnapshot("jvm-a", connection, Permission.unknown("probe passed"), Map.of("shop", List.of()),
                List.of(), List.of(), Map.of(), false, List.of(), List.of(),
                List.of(new AdaptiveLimitReading(QUOTE, "GRADIENT", limit, 2, 40, 3, 0.1, "LIVE", 1000, 5, 8,
                        windows)),
                List.of(new HedgeReading(LOOKUP, 12.25, 0.95, 2, 4, 3, 1)));
    }

    @Test
    void snapshotsBecomeRowsAndTheSelectedLimitsWindowsBecomePoints() {
        List<LimitWindowReading> windows = new ArrayList<>(List.of(window(1, 0, 20, 12, 4.0),
                window(2, 2_000, 10, 20, 9.5), window(3, 5_000, 15, 9, 5.25)));
        console.apply(jvm(ConnectionState.connected(), windows));

        AdaptiveRow row = vm.adaptiveRows().get(0);
        assertThat(List.of(row.algorithmProperty().get(), row.limitProperty().get(), row.boundsProperty().get(),
                row.runningProperty().get(), row.rejectedProperty().get(), row.priorityProperty().get()))
                .containsExactly("GRADIENT", "15", "2\u201340", "3", "5 / 8", "LIVE, 10 % kept for live");
        HedgeRow hedge = vm.hedgeRows().get(0);
        assertThat(List.of(hedge.delayProperty().get(), hedge.percentileProperty().get(),
                hedge.maxHedgesProperty().get(), hedge.startedProperty().get(), hedge.wonProperty().get(),
                hedge.refusedProperty().get(), hedge.wonShareProperty().get()))
                .containsExactly("12.3 ms", "p95", "2", "4", "3", "1", "75 %");
        assertThat(vm.history().points()).as("nothing selected").isEmpty();

        vm.select(row);
        assertThat(vm.history().points()).containsExactly(new LimitPoint(-5, 20, 12, 4.0),
                new LimitPoint(-3, 10, 20, 9.5), new LimitPoint(0, 15, 9, 5.25));
        assertThat(vm.history().timeAxisLabelProperty().get())
                .isEqualTo("s before the last window (closed " + Formats.clock(T0 + 5_000) + ", server clock)");
        assertThat(vm.history().titleProperty().get()).isEqualTo("com.example.Pricing#quote  (shop @ jvm-a): "
                + "GRADIENT, last 3 windows of at least 1 s, 1 with dropped calls");
        assertThat(vm.history().liveProperty().get()).isTrue();
        assertThat(vm.history().noteProperty().get()).isEmpty();

        AtomicInteger redraws = new AtomicInteger();
        vm.history().points().addListener((ListChangeListener<LimitPoint>) c -> redraws.incrementAndGet());
        console.apply(jvm(ConnectionState.connected(), windows));
        assertThat(redraws).as("the same windows draw nothing again").hasValue(0);
        windows.add(window(4, 6_000, 16, 10, 5.0));
        console.apply(jvm(ConnectionState.connected(), windows));
        assertThat(vm.adaptiveRows()).as("updated in place").containsExactly(row);
        assertThat(row.limitProperty().get()).isEqualTo("16");
        assertThat(vm.history().points()).hasSize(4).first().isEqualTo(new LimitPoint(-6, 20, 12, 4.0));
    }

    @Test
    void aLostJvmKeepsItsLastKnownRowsAndAChartThatIsNotLive() {
        List<LimitWindowReading> windows = List.of(window(1, 0, 4, 3, 2.0), window(2, 250, 5, 4, 2.5));
        console.apply(jvm(ConnectionState.connected(), windows));
        vm.select(vm.adaptiveRows().get(0));
        assertThat(vm.history().points()).as("a short span counts in ms")
                .extracting(LimitPoint::time).containsExactly(-250.0, 0.0);
        assertThat(vm.history().timeAxisLabelProperty().get()).startsWith("ms before the last window");

        console.apply(jvm(ConnectionState.disconnected("connection refused"), windows));
        assertThat(vm.adaptiveRows().get(0).limitProperty().get()).isEqualTo("5 (last known)");
        assertThat(vm.adaptiveRows().get(0).runningProperty().get()).isEqualTo(Formats.NOT_LIVE);
        assertThat(vm.hedgeRows().get(0).delayProperty().get()).isEqualTo("12.3 ms (last known)");
        assertThat(vm.history().liveProperty().get()).isFalse();
        assertThat(vm.history().noteProperty().get()).startsWith("Not live");
        assertThat(vm.history().points()).hasSize(2);

        console.apply(new JvmSnapshot("jvm-a", ConnectionState.disconnected("closed"), Permission.unknown("gone"),
                Map.of(), List.of(), List.of(), true));
        assertThat(vm.adaptiveRows()).isEmpty();
        assertThat(vm.hedgeRows()).isEmpty();
        assertThat(vm.history().points()).isEmpty();
        assertThat(vm.history().titleProperty().get()).isEqualTo("No adaptive bulkhead selected");
    }

    @Test
    void aBulkheadWithoutClosedWindowsSaysSo() {
        console.apply(jvm(ConnectionState.connected(), List.of()));
        vm.select(vm.adaptiveRows().get(0));
        assertThat(vm.history().points()).isEmpty();
        assertThat(vm.history().noteProperty().get()).isEqualTo("No window has closed yet");
        assertThat(vm.hedgeRows().get(0).wonShareProperty().get()).isEqualTo("75 %");
    }
}
