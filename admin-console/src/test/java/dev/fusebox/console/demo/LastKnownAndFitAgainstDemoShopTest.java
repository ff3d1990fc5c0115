package dev.fusebox.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.CutCells;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.FleetRow;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.StateTransition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Path;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Acceptance (issue 13, items 5 and 6): numbers that are not live do not look live, an open breaker
 * shows the ratio that tripped it, the tables fit their text at the default window size, and a
 * disconnect leaves no chart behind. The console window headless under Monocle, against the real
 * demo service in a child JVM; one demo for the class (killed and restarted by one test).
 */
class LastKnownAndFitAgainstDemoShopTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofSeconds(1));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @TempDir
    static java.nio.file.Path demoHome;
    @TempDir
    java.nio.file.Path consoleHome;

    private static DemoShopProcess shop;

    private final FxRobot robot = new FxRobot();
    private Console console;

    @BeforeAll
    static void startTheDemo() throws Exception {
        FxToolkit.registerPrimaryStage();
        shop = DemoShopProcess.start(demoHome, 10);
    }

    @AfterAll
    static void stopTheDemo() {
        if (shop != null) {
            shop.close();
        }
    }

    @AfterEach
    void closeTheConsoleAndHealTheDemo() throws Exception {
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
        FxToolkit.cleanupStages();
        if (!shop.isAlive()) {
            shop.restart(); // a test that killed it failed before it started it again
        }
        try (JMXConnector jmx = shop.connectAsOperator()) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            DemoShopProcess.faults(server, "payments").heal();
            DemoShopProcess.breaker(server, "PaymentsClient", "charge").reset();
        }
    }

    private void open() throws Exception {
        console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(FAST, new ProfileStore(consoleHome.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1360, 860)); // the size ConsoleApp opens at
            stage.show();
        });
        console.fleet().connect(ConnectionProfile.remote("127.0.0.1", shop.jmxPort(), DemoShopProcess.OPERATOR, false,
                Permission.Role.UNKNOWN), shop.operatorPassword().toCharArray());
        Eventually.within(WAIT, "3 breaker rows", () -> onFx(() -> table().getItems().size()),
                () -> onFx(() -> table().getItems().size()) == 3);
        Eventually.within(WAIT, "CONNECTED", this::health, () -> "CONNECTED".equals(health()));
    }

    @Test
    void aLostJvmBlanksItsRatesAndFreezesTheGreyedChartAtItsLastReading() throws Exception {
        open();
        Eventually.within(WAIT, "traffic measured", () -> cell("charge", "Calls"),
                () -> onFx(() -> row("charge").callsPerSecondProperty().get()) > 0);
        clickRow("charge");
        Eventually.within(WAIT, "a few seconds on the chart", () -> onFx(() -> chartPoints().size()),
                () -> onFx(() -> chartPoints().size()) >= 4);
        assertThat(chartStatus()).as("live: no note").isEmpty();

        shop.kill();
        Eventually.within(WAIT, "DISCONNECTED shown", this::health, () -> health().startsWith("DISCONNECTED"));
        WaitForAsyncUtils.waitForFxEvents();
        for (String method : List.of("stockLevel", "charge", "alsoBought")) {
            assertThat(cell(method, "State")).endsWith("(last known)");
            assertThat(cell(method, "Calls")).as(method + " calls/s while not connected").isEqualTo("—");
            assertThat(cell(method, "Rejections")).as(method + " rejections/s while not connected").isEqualTo("—");
        }
        long lastReading = onFx(() -> row("charge").snapshotProperty().get().rates().atMillis());
        assertThat(chartStatus()).as("the chart says it is not live and when it was read last")
                .isEqualTo("Not live: last reading at " + CLOCK.format(Instant.ofEpochMilli(lastReading))
                        + " (JVM not connected)");
        assertThat(onFx(() -> chart().getStyleClass())).as("the chart is greyed").contains("stale");
        assertThat(onFx(() -> chart().getXAxis().getLabel())).as("the time axis counts back from that reading")
                .isEqualTo("seconds before " + CLOCK.format(Instant.ofEpochMilli(lastReading)));

        shop.restart();
        Eventually.within(WAIT, "CONNECTED again", this::health, () -> "CONNECTED".equals(health()));
        Eventually.within(WAIT, "live rates again", () -> cell("charge", "Calls"),
                () -> cell("charge", "Calls").endsWith("/s"));
        Eventually.within(WAIT, "the chart is live again", this::chartStatus, () -> chartStatus().isEmpty()
                && !onFx(() -> chart().getStyleClass().contains("stale")));
    }

    @Test
    void anOpenBreakerShowsTheRatioThatTrippedItAndWhen() throws Exception {
        open();
        StateTransition opened;
        try (JMXConnector jmx = shop.connectAsOperator()) {
            DemoShopProcess.faults(jmx.getMBeanServerConnection(), "payments").setOutage(true);
            CircuitBreakerMXBean payments = DemoShopProcess.breaker(jmx.getMBeanServerConnection(), "PaymentsClient",
                    "charge");
            Eventually.within(WAIT, "payments opened by its failures", payments::getState,
                    () -> payments.getTimesOpened() > 0);
            opened = payments.getTransitions().stream().filter(t -> t.from().equals("CLOSED")
                    && t.to().equals("OPEN")).reduce((a, b) -> b).orElseThrow();
        }
        // the cause reads "failure ratio 0.70 >= 0.50 over 10 calls; ..."
        String ratio = opened.cause().replaceFirst("failure ratio (\\d\\.\\d\\d) .*", "$1");
        String expected = Math.round(Double.parseDouble(ratio) * 100) + " % at "
                + CLOCK.format(Instant.ofEpochMilli(opened.atEpochMillis()));
        Eventually.within(WAIT, "the trip in the Failures column", () -> cell("charge", "State") + " | "
                + cell("charge", "Failures"), () -> !cell("charge", "State").startsWith("CLOSED")
                && cell("charge", "Failures").equals(expected));
        clickRow("charge");
        Eventually.within(WAIT, "the trip in the detail's window line", () -> text("#detailWindow"),
                () -> text("#detailWindow").endsWith("; tripped at " + expected));
    }

    @Test
    void theTablesFitTheirTextAtTheDefaultSizeAndABeanShowsItsFullNameInATooltip() throws Exception {
        open();
        try (JMXConnector jmx = shop.connectAsOperator()) {
            DemoShopProcess.breaker(jmx.getMBeanServerConnection(), "PaymentsClient", "charge")
                    .forceOpen("payments provider down INC-4711", "PT30M");
        }
        Eventually.within(WAIT, "forced in the table", () -> cell("charge", "State"),
                () -> cell("charge", "State").equals("OPEN [forced]")
                        && cell("charge", "Forced").startsWith("by operator until"));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cut = onFx(() -> CutCells.inFittedTables(console.view()));
        assertThat(cut).as("cells whose text is cut").isEmpty();
        assertThat(onFx(() -> robot.lookup("#breakerTable").query().lookupAll(".scroll-bar").stream()
                .map(ScrollBar.class::cast).filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && b.isVisible()).count())).as("no horizontal scrolling in the breaker table %s wide: %s",
                        onFx(() -> table().getWidth()), onFx(() -> table().getColumns().stream()
                                .map(c -> c.getText() + " " + c.getWidth()).toList())).isZero();

        Node bean = onFx(() -> robot.from(table()).lookup(".table-cell").match((TableCell<?, ?> c) ->
                "PaymentsClient".equals(c.getText())).query());
        assertThat(onFx(() -> ((TableCell<?, ?>) bean).getTooltip())).as("the bean's tooltip")
                .extracting(Tooltip::getText).isEqualTo(DemoShopProcess.CLIENTS + "PaymentsClient");
    }

    @Test
    void disconnectClearsTheChartOfTheBreakerThatWasSelected() throws Exception {
        open();
        clickRow("charge");
        Eventually.within(WAIT, "a few seconds on the chart", () -> onFx(() -> chartPoints().size()),
                () -> onFx(() -> chartPoints().size()) >= 3);

        robot.clickOn(robot.from(robot.lookup("#fleetTable").<FleetRow>queryTableView()).lookup("shop").<Node>query());
        robot.clickOn("#disconnectButton");
        Eventually.within(WAIT, "no breaker selected", () -> text("#detailTitle"),
                () -> text("#detailTitle").equals("No breaker selected"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(this::chartPoints)).as("points on the chart after Disconnect").isEmpty();
        assertThat(onFx(() -> chart().lookupAll(".chart-series-line").stream()
                .mapToInt(line -> ((Path) line).getElements().size()).sum())).as("lines drawn after Disconnect")
                .isZero();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private TableView<BreakerRow> table() {
        return robot.lookup("#breakerTable").queryTableView();
    }

    private BreakerRow row(String method) {
        return table().getItems().stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow();
    }

    /** What the breaker table shows in {@code column} for the row of {@code method}. */
    private String cell(String method, String column) {
        return onFx(() -> {
            TableColumn<BreakerRow, ?> c = table().getColumns().stream().filter(t -> t.getText().equals(column))
                    .findFirst().orElseThrow(() -> new AssertionError("no column " + column));
            Object value = c.getCellData(row(method));
            return value == null ? "" : value.toString();
        });
    }

    private String health() {
        return onFx(() -> {
            TableView<FleetRow> fleet = robot.lookup("#fleetTable").queryTableView();
            return fleet.getItems().isEmpty() ? "" : fleet.getItems().get(0).healthProperty().get();
        });
    }

    private void clickRow(String method) {
        robot.clickOn(robot.from(table()).lookup(method).<Node>query());
    }

    private String text(String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private String chartStatus() {
        return onFx(() -> robot.lookup("#chartStatus").tryQueryAs(Label.class).map(l -> l.isVisible() ? l.getText()
                : "").orElse(""));
    }

    @SuppressWarnings("unchecked")
    private LineChart<Number, Number> chart() {
        return (LineChart<Number, Number>) robot.lookup("#rateChart").query();
    }

    /** Every point of every series: (x, y) pairs, to compare. */
    private List<Object> chartPoints() {
        List<Object> points = new ArrayList<>();
        for (XYChart.Series<Number, Number> s : chart().getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                points.add(String.format(Locale.ROOT, "%s %s %s", s.getName(), d.getXValue(), d.getYValue()));
            }
        }
        return points;
    }
}
