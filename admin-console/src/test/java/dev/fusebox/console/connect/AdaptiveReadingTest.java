package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.console.feed.AdaptiveLimitReading;
import dev.fusebox.console.feed.FleetFeed;
import dev.fusebox.console.feed.HedgeReading;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.LimitWindowReading;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.AdaptiveShop;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.ft.management.AdaptiveBulkheadMXBean;
import dev.fusebox.ft.management.LimitWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console reads an adaptive bulkhead (its settings, limit, refusals and recent windows) and a hedge
 * in its regular poll, over a real connection to real Fusebox ({@link AdaptiveShop}: a CDI container in
 * this JVM with its remote connector), and agrees with what the server's MXBeans say; a history longer
 * than a server keeps is clipped to its newest windows.
 */
class AdaptiveReadingTest {

    @TempDir
    static Path dir;
    private static AdaptiveShop shop;

    @BeforeAll
    static void start() throws Exception {
        shop = AdaptiveShop.start(dir);
        shop.refuseOneBatchCall();
        shop.closeWindows(6);
        assertThat(shop.hedgedLookup()).isEqualTo("in stock");
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void thePollReadsTheAdaptiveLimitItsWindowsAndTheHedge() {
        AdaptiveBulkheadMXBean server = shop.adaptive();
        List<LimitWindow> windows = server.getHistory();
        assertThat(windows).as("the held call's window and six more").hasSizeGreaterThanOrEqualTo(7);
        Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
        FleetFeed feed = new FleetFeed();
        feed.addListener(s -> latest.put(s.jvm(), s));
        try (Fleet fleet = new Fleet(feed, new ConsoleSettings(Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(2)))) {
            String jvm = fleet.connect(ConnectionProfile.remote("127.0.0.1", shop.port(), AdaptiveShop.USER, false,
                    Permission.Role.VIEWER), shop.password().toCharArray());
            Eventually.within(Duration.ofSeconds(15), "the adaptive bulkhead and the hedge read", () -> latest.get(jvm),
                    () -> latest.get(jvm) != null && !latest.get(jvm).adaptiveLimits().isEmpty()
                            && !latest.get(jvm).hedges().isEmpty());
            JvmSnapshot s = latest.get(jvm);

            AdaptiveLimitReading limit = s.adaptiveLimits().get(0);
            assertThat(s.adaptiveLimits()).hasSize(1);
            assertThat(limit.key()).isEqualTo(new MethodKey(jvm, AdaptiveShop.APPLICATION,
                    AdaptiveShop.Pricing.class.getName(), "quote"));
            assertThat(List.of(limit.algorithm(), limit.priority())).containsExactly("AIMD", "BATCH");
            assertThat(List.of(limit.limit(), limit.minLimit(), limit.maxLimit(), limit.running()))
                    .containsExactly(server.getLimit(), 1, 16, 0);
            assertThat(limit.liveReserve()).isEqualTo(0.5);
            assertThat(limit.windowMillis()).isEqualTo(1);
            assertThat(List.of(limit.rejectedLive(), limit.rejectedBatch())).containsExactly(0L, 1L);
            assertThat(limit.history()).as("every window, as the server has it, oldest first")
                    .containsExactlyElementsOf(windows.stream().map(w -> new LimitWindowReading(w.number(),
                            w.endedEpochMillis(), w.limit(), w.samples(), w.averageRttMillis(), w.maxInflight(),
                            w.dropped())).toList());
            assertThat(limit.history()).extracting(LimitWindowReading::maxInflight).containsOnly(1);
            assertThat(limit.history()).allSatisfy(w -> assertThat(w.meanRttMillis()).isPositive());

            HedgeReading hedge = s.hedges().get(0);
            assertThat(hedge.key().method()).isEqualTo("lookup");
            assertThat(hedge.delayMillis()).isEqualTo(10.0);
            assertThat(hedge.percentile()).isZero();
            assertThat(List.of((long) hedge.maxHedges(), hedge.hedgesStarted(), hedge.hedgesWon(), hedge.hedgesRefused()))
                    .containsExactly(1L, 1L, 1L, 0L);
        }
    }

    @Test
    void aLongerHistoryIsClippedToTheNewestWindows() throws OpenDataException {
        CompositeData[] sent = LongStream.rangeClosed(1, 130).mapToObj(AdaptiveReadingTest::window)
                .toArray(CompositeData[]::new);
        List<LimitWindowReading> kept = OpenData.limitWindows(sent, AdaptiveLimitReading.MAX_HISTORY);
        assertThat(kept).hasSize(120);
        assertThat(kept.get(0).number()).isEqualTo(11);
        assertThat(kept.get(119)).isEqualTo(new LimitWindowReading(130, 1_130, 130, 2, 4.5, 3, true));
        assertThat(OpenData.limitWindows("not open data", 120)).isEmpty();
        List<LimitWindowReading> tooMany = new ArrayList<>(kept);
        tooMany.add(kept.get(0));
        assertThatThrownBy(() -> new AdaptiveLimitReading(new MethodKey("j", "a", "B", "m"), "AIMD", 1, 1, 1, 0,
                0, "LIVE", 1, 0, 0, tooMany)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("121");
    }

    private static CompositeData window(long n) {
        try {
            String[] items = {"number", "endedEpochMillis", "limit", "samples", "averageRttMillis", "maxInflight",
                    "dropped"};
            OpenType<?>[] types = {SimpleType.LONG, SimpleType.LONG, SimpleType.INTEGER, SimpleType.LONG,
                    SimpleType.DOUBLE, SimpleType.INTEGER, SimpleType.BOOLEAN};
            CompositeType type = new CompositeType("LimitWindow", "one window", items, items, types);
            return new CompositeDataSupport(type, items, new Object[] {n, 1_000 + n, (int) n, 2L, 4.5, 3, n % 2 == 0});
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
