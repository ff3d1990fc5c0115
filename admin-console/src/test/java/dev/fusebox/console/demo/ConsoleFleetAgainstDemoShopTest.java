package dev.fusebox.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.fixture.ConsoleWindow;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.FleetTab;
import dev.fusebox.console.fixture.PrometheusServer;
import dev.fusebox.console.view.Screenshots;
import dev.fusebox.console.viewmodel.EnsembleMethodRow;
import dev.fusebox.console.viewmodel.EnsembleRates;
import dev.fusebox.console.viewmodel.Formats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's fleet tab against the real demo run with {@code --fleet}: three shop JVMs that
 * registered themselves in the ZooKeeper the first one started (Fusebox's fleet module, no
 * simulation). The tab groups each breaker across the three; a fleet-wide force from the UI is one
 * write that all three JVMs apply (their acknowledgements: "applied by 3 of 3 instances", and
 * their own member nodes: the row turns "3 of 3 instances OPEN"); a fleet-wide release from the UI
 * puts all three back. With a real Prometheus server scraping the three shops' pages, the fleet
 * table shows each method's calls/s and rejected/s across the three; a fleet-wide force open makes
 * the payments method's rejected/s rise above 0.
 */
class ConsoleFleetAgainstDemoShopTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHARGE = DemoShopProcess.CLIENTS + "PaymentsClient#charge";

    @TempDir
    static Path demoHome;
    @TempDir
    Path consoleHome;
    @TempDir
    Path prometheusHome;

    private static DemoShopProcess shop;

    private final FxRobot robot = new FxRobot();
    private Console console;

    @BeforeAll
    static void startTheDemoFleet() throws Exception {
        FxToolkit.registerPrimaryStage();
        shop = DemoShopProcess.start(demoHome, 2, "--fleet", "--zookeeper-port", "0");
    }

    @AfterAll
    static void stopTheDemoFleet() {
        if (shop != null) {
            shop.close();
            assertThat(shop.isAlive()).as("the demo JVM is gone").isFalse();
        }
    }

    @AfterEach
    void closeTheConsole() throws Exception {
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aFleetWideForceFromTheConsoleIsAppliedByAllThreeShops() throws Exception {
        startTheConsole();
        FleetTab.connect(robot, Map.of("#fleetAddress", shop.fleetZooKeeper()));

        // the shops register one after the other; each row counts the instances that did
        Eventually.within(WAIT, "every breaker across the three shops", this::summaries,
                () -> summaries().containsAll(List.of("PaymentsClient#charge: 3 of 3 instances CLOSED",
                        "InventoryClient#stockLevel: 3 of 3 instances CLOSED",
                        "RecommendationsClient#alsoBought: 3 of 3 instances CLOSED")));
        assertThat(label("#fleetRatesStatus")).isEqualTo(EnsembleRates.NO_PROMETHEUS);
        assertThat(onFx(() -> charge().callsPerSecondProperty().get())).as("no rates without Prometheus").isEmpty();

        robot.clickOn("PaymentsClient#charge: 3 of 3 instances CLOSED");
        robot.clickOn("#fleetForceOpenButton");
        robot.clickOn("#reasonField");
        robot.interact(() -> robot.lookup("#reasonField").queryAs(TextField.class).setText("payments provider down"));
        robot.clickOn("#confirmButton");
        Eventually.within(WAIT, "the three shops' answers", () -> label("#fleetActionStatus"),
                () -> label("#fleetActionStatus").equals("APPLIED force-open shop " + CHARGE
                        + ": applied by 3 of 3 instances"));
        Eventually.within(WAIT, "the state each shop published", this::summaries,
                () -> summaries().contains("PaymentsClient#charge: 3 of 3 instances OPEN"));

        robot.clickOn("PaymentsClient#charge: 3 of 3 instances OPEN");
        robot.clickOn("#fleetReleaseButton");
        robot.clickOn("#confirmButton");
        Eventually.within(WAIT, "the release's answers", () -> label("#fleetActionStatus"),
                () -> label("#fleetActionStatus").equals("APPLIED release shop " + CHARGE
                        + ": applied by 3 of 3 instances"));
        Eventually.within(WAIT, "every shop back to its own state", this::summaries,
                () -> summaries().contains("PaymentsClient#charge: 3 of 3 instances CLOSED"));

        // a fleet-wide reset: one write, answered by each shop (none holds a forcing now)
        robot.clickOn("PaymentsClient#charge: 3 of 3 instances CLOSED");
        robot.clickOn("#fleetResetButton");
        robot.clickOn("#confirmButton");
        Eventually.within(WAIT, "the reset's answers", () -> label("#fleetActionStatus"),
                () -> label("#fleetActionStatus").equals("APPLIED reset shop " + CHARGE
                        + ": applied by 3 of 3 instances"));
    }

    @Test
    void withPrometheusTheTableShowsCallsAndRejectionsPerSecondAcrossTheShops() throws Exception {
        try (PrometheusServer prometheus = PrometheusServer.start(prometheusHome, shop.scrapePages(3))) {
            startTheConsole();
            FleetTab.connect(robot, Map.of("#fleetAddress", shop.fleetZooKeeper(),
                    "#fleetPrometheus", prometheus.address()));

            Eventually.within(WAIT, "payments across the three shops", this::summaries,
                    () -> summaries().contains("PaymentsClient#charge: 3 of 3 instances CLOSED"));
            // the shops call payments about twice a second each: Prometheus's rate over its 1 s scrapes
            Eventually.within(WAIT, "calls/s of payments across the shops", this::rates,
                    () -> perSecond(onFx(() -> charge().callsPerSecondProperty().get())) > 0);
            assertThat(label("#fleetRatesStatus")).startsWith("Rates from Prometheus at " + prometheus.address());
            assertThat(onFx(() -> charge().rejectedPerSecondProperty().get())).as("nothing refused yet")
                    .isIn("0/s", Formats.NONE);

            robot.clickOn("PaymentsClient#charge: 3 of 3 instances CLOSED");
            robot.clickOn("#fleetForceOpenButton");
            robot.clickOn("#reasonField");
            robot.interact(() -> robot.lookup("#reasonField").queryAs(TextField.class).setText("rates test"));
            robot.clickOn("#confirmButton");
            Eventually.within(WAIT, "rejected/s of payments forced open", this::rates,
                    () -> perSecond(onFx(() -> charge().rejectedPerSecondProperty().get())) > 0);
            Eventually.within(WAIT, "the state each shop published", this::summaries,
                    () -> summaries().contains("PaymentsClient#charge: 3 of 3 instances OPEN"));
            Screenshots.write(onFx(() -> console.view().getScene().snapshot(null)), "fleet-rates.png",
                    Screenshots.extraFolders());

            robot.clickOn("PaymentsClient#charge: 3 of 3 instances OPEN");
            robot.clickOn("#fleetReleaseButton");
            robot.clickOn("#confirmButton");
            Eventually.within(WAIT, "the release's answers", () -> label("#fleetActionStatus"),
                    () -> label("#fleetActionStatus").startsWith("APPLIED release"));
            robot.interact(() -> console.ensembleViewModel().disconnect());
            Eventually.within(WAIT, "the Prometheus worker gone after the disconnect", () -> "still running",
                    () -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(t -> t.getName().equals("fusebox-console-prometheus")));
            assertThat(prometheus.isAlive()).isTrue();
        }
    }

    private void startTheConsole() throws Exception {
        console = ConsoleWindow.open(new ConsoleSettings(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(1)), new ProfileStore(consoleHome.resolve("profiles")));
    }

    private EnsembleMethodRow charge() {
        return console.ensembleViewModel().methods().stream().filter(r -> r.target().equals(CHARGE)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + CHARGE));
    }

    private String rates() {
        return onFx(() -> console.ensembleViewModel().methods().stream().map(r -> r.shortName() + " "
                + r.callsPerSecondProperty().get() + " " + r.rejectedPerSecondProperty().get()).toList()
                + " / " + console.ensembleViewModel().rates().statusProperty().get());
    }

    /** {@code 1.3/s} as 1.3; anything else (a dash, empty) as 0. */
    private static double perSecond(String shown) {
        return shown != null && shown.endsWith("/s") ? Double.parseDouble(shown.substring(0, shown.length() - 2)) : 0;
    }

    private List<String> summaries() {
        return onFx(() -> console.ensembleViewModel().methods().stream().map(r -> r.summaryProperty().get()).toList());
    }

    private String label(String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
