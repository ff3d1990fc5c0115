package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class UiDispatcherTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static JvmSnapshot snapshot(String jvm, int n) {
        return new JvmSnapshot(jvm, ConnectionState.reconnecting("refused", n, n), Permission.unknown(""), Map.of(),
                List.of(), List.of(), false);
    }

    @Test
    void aBurstOfSnapshotsIsAppliedAsTheLatestPerJvmOncePerFrameOnTheFxThread() throws Exception {
        List<JvmSnapshot> applied = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        UiDispatcher dispatcher = new UiDispatcher(s -> {
            applied.add(s);
            onFxThread.add(Platform.isFxApplicationThread());
        });
        dispatcher.start();
        try {
            Thread a = new Thread(() -> {
                for (int i = 1; i <= 20_000; i++) {
                    dispatcher.accept(snapshot("jvm-a", i));
                }
            });
            Thread b = new Thread(() -> {
                for (int i = 1; i <= 20_000; i++) {
                    dispatcher.accept(snapshot("jvm-b", i));
                }
            });
            a.start();
            b.start();
            a.join();
            b.join();
            Eventually.within(Duration.ofSeconds(5), "the last of each JVM applied", () -> applied.stream()
                    .filter(s -> s.connection().attempt() == 20_000).count() == 2);
            assertThat(applied.size()).as("coalesced: far fewer updates than snapshots").isLessThan(2_000);
            assertThat(onFxThread).containsOnly(true);
            long aUpdates = applied.stream().filter(s -> s.jvm().equals("jvm-a")).count();
            assertThat(applied.stream().filter(s -> s.jvm().equals("jvm-a")).mapToInt(s -> s.connection().attempt()))
                    .as("in order, never an older one after a newer").isSorted();
            assertThat(aUpdates).isPositive();
        } finally {
            dispatcher.stop();
        }
    }

    @Test
    void tasksRunOnTheFxThreadInTheOrderGiven() {
        UiDispatcher dispatcher = new UiDispatcher(s -> { });
        dispatcher.start();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            dispatcher.execute(() -> {
                order.add(n);
                onFxThread.add(Platform.isFxApplicationThread());
            });
        }
        Eventually.within(Duration.ofSeconds(5), "all ran", () -> order.size() == 100);
        assertThat(order).isSorted();
        assertThat(onFxThread).containsOnly(true);
        dispatcher.stop();
    }
}
