package dev.fusebox.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.view.Screenshots;
import dev.fusebox.console.viewmodel.GameDayViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A game day from the console's screen against the real demo shop in a child JVM, over its real
 * password-protected connector: the experiment file loaded in the "Game day" tab, Start confirmed
 * with a reason, the payments outage switched on and healed by the schedule on the demo's own fault
 * injector, the payments breaker's opening as the time to detect, and the fault as a labelled band
 * on the breaker's rate chart (saved as {@code target/screenshots/game-day-chart.png}). The demo makes
 * its own load.
 */
class GameDayAgainstDemoShopTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofSeconds(1));
    /** Payments out from second 1 to 5 of the game day. */
    private static final String EXPERIMENT = """
            name = demo-payments-outage
            hypothesis = When payments are out, the payments breaker opens within 3 s.
            load.request = POST /checkout/kettle?cents=2599
            load.rate = 10/s
            load.duration = 30s
            steady.duration = 1s
            steady.errors.max = 1%
            steady.p99.max = 300ms
            fault = at 1s for 4s payments outage
            detect.breaker = dev.fusebox.samples.demo.PaymentsClient#charge
            expect.detect.within = 3s
            """;

    @TempDir
    static Path demoHome;
    @TempDir
    static Path consoleHome;

    private static DemoShopProcess shop;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startTheDemo() throws Exception {
        FxToolkit.registerPrimaryStage();
        shop = DemoShopProcess.start(demoHome, 8);
    }

    @AfterAll
    static void stopTheDemo() {
        if (shop != null) {
            shop.close();
        }
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anExperimentsFaultIsSwitchedOnTheDemosInjectorHealedAndShownOnTheBreakersChart() throws Exception {
        Path file = consoleHome.resolve("demo-payments-outage.exp");
        Files.writeString(file, EXPERIMENT);
        Console console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(FAST, new ProfileStore(consoleHome.resolve("profiles"))));
        try (JMXConnector operator = shop.connectAsOperator()) {
            FxToolkit.setupStage(stage -> {
                stage.setScene(new Scene(console.view(), 1360, 860));
                stage.show();
            });
            console.fleet().connect(ConnectionProfile.remote("127.0.0.1", shop.jmxPort(), DemoShopProcess.OPERATOR,
                    false, Permission.Role.UNKNOWN), shop.operatorPassword().toCharArray());
            GameDayViewModel gameDay = console.gameDay();

            robot.clickOn("Game day");
            robot.clickOn("#gameDayPath").write(file.toString());
            robot.clickOn("#gameDayLoad");
            Eventually.within(WAIT, "the schedule and an operator's JVM", () -> onFx(() -> gameDay
                    .startProblemProperty().get() + " " + gameDay.parseErrorProperty().get()),
                    () -> onFx(() -> gameDay.startProblemProperty().get().isEmpty()));
            assertThat(onFx(() -> robot.lookup("#gameDaySchedule").queryAs(TableView.class).getItems().size()))
                    .isEqualTo(1);
            robot.clickOn("#gameDayStart");
            robot.clickOn("#gameDayReasonField").write("game day: payments outage");
            robot.clickOn("#gameDayConfirmButton");
            assertThat(onFx(() -> gameDay.runningProperty().get())).isTrue();

            robot.clickOn("JVMs (JMX)");
            Eventually.within(WAIT, "the breaker rows", () -> onFx(() -> robot.lookup("#breakerTable")
                    .queryTableView().getItems().size()) == 3);
            robot.clickOn(robot.from(robot.lookup("#breakerTable").queryTableView()).lookup("charge").<Node>query());
            var payments = DemoShopProcess.faults(operator.getMBeanServerConnection(), "payments");
            Eventually.within(WAIT, "the outage on the demo's injector", payments::isOutage);
            Eventually.within(WAIT, "the payments breaker OPEN, as the time to detect", () -> onFx(() ->
                    gameDay.statusProperty().get()), () -> onFx(() -> gameDay.statusProperty().get()
                    .contains("PaymentsClient#charge OPEN")));
            Eventually.within(WAIT, "the schedule's end", () -> onFx(() -> gameDay.statusProperty().get()),
                    () -> onFx(() -> gameDay.statusProperty().get().startsWith("Schedule ended")));
            assertThat(onFx(() -> gameDay.statusProperty().get())).contains("healed payments")
                    .containsPattern("OPEN \\d+\\.\\d s after the first fault");
            assertThat(payments.getStatus()).isEqualTo("healthy");

            Eventually.within(WAIT, "the band on the chart", () -> onFx(() -> band() != null));
            assertThat(onFx(() -> robot.lookup("#rateChart .fault-band-label").queryAs(Text.class).getText()))
                    .isEqualTo("payments outage");
            assertThat(onFx(() -> robot.lookup("#rateChart .open-mark").queryAll().stream()
                    .anyMatch(Node::isVisible))).as("the breaker's opening marked").isTrue();
            if (!Screenshots.extraFolders().isEmpty()) {
                // the picture for the docs (-Dconsole.screenshots.dir=../docs/images): the recovery too
                WaitForAsyncUtils.sleep(8, TimeUnit.SECONDS);
            }
            List<Path> written = Screenshots.write(onFx(() -> console.view().lookup("#detailPane")
                    .snapshot(null, null)), "game-day-chart.png", Screenshots.extraFolders());
            assertThat(written).allMatch(Files::isRegularFile);
        } finally {
            FxToolkit.setupFixture(console::close);
            FxToolkit.cleanupStages();
        }
    }

    /** The fault's band, laid out inside the plot (it has a width), or null. */
    private Rectangle band() {
        return robot.lookup("#rateChart .fault-band").queryAll().stream().map(Rectangle.class::cast)
                .filter(r -> r.isVisible() && r.getWidth() > 1).findFirst().orElse(null);
    }
}
