package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.AdaptiveShop;
import dev.fusebox.console.fixture.ConsoleWindow;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Adaptive & hedges" tab, headless, against real Fusebox ({@link AdaptiveShop}: a CDI container in
 * this JVM with its remote connector; the demo shop has no adaptive bulkhead or hedge): the rows of the
 * adaptive bulkhead and the hedge, and, for the selected bulkhead, charts with one point per window the
 * server keeps, axes that name their units, and a legend. Writes {@code adaptive-hedges.png} (and to
 * {@code -Dconsole.screenshots.dir}).
 */
class AdaptiveViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    private static AdaptiveShop shop;

    private final FxRobot robot = new FxRobot();
    private Console console;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        shop = AdaptiveShop.start(dir);
        shop.refuseOneBatchCall();
        shop.closeWindows(12);
        shop.hedgedLookup();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The texts of the row of {@code table} whose cells include {@code method}, in column order. */
    private List<String> row(String table, String method) {
        return onFx(() -> robot.lookup(table).lookup((Node n) -> n instanceof TableRow<?> r && !r.isEmpty()
                && r.lookupAll(".table-cell").stream().anyMatch(c -> c instanceof Labeled l
                && method.equals(l.getText()))).queryAll().stream().findFirst()
                .map(r -> r.lookupAll(".table-cell").stream().map(c -> ((Labeled) c).getText()).toList())
                .orElse(List.of()));
    }

    @SuppressWarnings("unchecked")
    private LineChart<Number, Number> chart(String id) {
        return robot.lookup(id).queryAs(LineChart.class);
    }

    /** Each series of the chart: its name and how many points it has. */
    private List<String> series(String id) {
        return onFx(() -> chart(id).getData().stream().map(s -> s.getName() + ": " + s.getData().size()).toList());
    }

    @Test
    void theTabListsTheLimitAndTheHedgeAndChartsEveryWindowOfTheSelectedLimit() throws Exception {
        console = ConsoleWindow.open(new ConsoleSettings(Duration.ofMillis(300), Duration.ofMillis(200),
                Duration.ofMillis(800)), new ProfileStore(dir.resolve("profiles")));
        console.fleet().connect(ConnectionProfile.remote("127.0.0.1", shop.port(), AdaptiveShop.USER, false,
                Permission.Role.VIEWER), shop.password().toCharArray());
        robot.clickOn("Adaptive & hedges");
        int limit = shop.adaptive().getLimit();
        int windows = shop.adaptive().getHistory().size();
        assertThat(windows).as("the held call's window and twelve more").isGreaterThanOrEqualTo(13);

        Eventually.within(WAIT, "the adaptive bulkhead's row", () -> row("#adaptiveTable", "quote"),
                () -> row("#adaptiveTable", "quote").containsAll(List.of(AdaptiveShop.APPLICATION, "AdaptiveShop$Pricing", "AIMD",
                        Integer.toString(limit), "1\u201316", "0", "0 / 1", "BATCH, 50 % kept for live")));
        Eventually.within(WAIT, "the hedge's row", () -> row("#hedgeTable", "lookup"),
                () -> row("#hedgeTable", "lookup").containsAll(List.of("10.0 ms", "fixed", "1", "100 %")));
        assertThat(series("#limitChart")).as("nothing selected, nothing drawn").isEmpty();

        robot.clickOn(robot.lookup("#adaptiveTable").lookup("quote").queryLabeled());
        Eventually.within(WAIT, "one point per window in each series", () -> series("#limitChart"),
                () -> series("#limitChart").equals(List.of("limit: " + windows, "most in flight: " + windows))
                        && series("#rttChart").equals(List.of("mean round trip (ms): " + windows)));
        assertThat(onFx(() -> chart("#limitChart").getData().get(0).getData().stream()
                .map(XYChart.Data::getYValue).map(Number::intValue).toList()))
                .as("the limit each window set, the last one the limit now")
                .hasSize(windows).last().isEqualTo(limit);
        assertThat(onFx(() -> chart("#limitChart").getXAxis().getLabel()))
                .as("time counted back from the last window, with its unit").startsWith("ms before the last window");
        assertThat(onFx(() -> List.of(chart("#limitChart").getYAxis().getLabel(),
                chart("#rttChart").getYAxis().getLabel()))).containsExactly("calls", "ms");
        assertThat(onFx(() -> chart("#limitChart").isLegendVisible() && chart("#rttChart").isLegendVisible()))
                .isTrue();
        assertThat(onFx(() -> robot.lookup("#limitHistoryTitle").queryAs(Label.class).getText()))
                .contains("Pricing#quote").contains("last " + windows + " windows");

        Path png = Screenshots.write(onFx(() -> console.view().snapshot(null, null)), "adaptive-hedges.png",
                Screenshots.extraFolders()).get(0);
        assertThat(png).isNotEmptyFile();
    }
}
