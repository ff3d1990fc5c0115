package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConnectionProfile;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestCircuitBreaker;
import dev.fusebox.console.fixture.TestJmxServer;
import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.FleetRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console window, headless under Monocle, against a real RMI connector on loopback serving
 * test MXBeans (see {@code dev.fusebox.console.fixture}).
 */
class ConsoleUiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Polls every 500 ms; reconnects after 200 ms, at most 1 s apart. */
    static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofSeconds(1));

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private TestJmxServer server;
    private TestCircuitBreaker charge;
    private Console console;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = TestJmxServer.start();
        charge = server.addBreaker("shop", "com.example.Payments", "charge");
        server.addBreaker("shop", "com.example.Payments", "refund");
        server.addBreaker("shop", "com.example.Stock", "reserve");
        server.addBulkhead("shop", "com.example.Payments", "charge", 10, 0);
        server.registry("shop").defineGroup("payments", "com.example.Payments#charge", "com.example.Payments#refund");
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
        FxToolkit.cleanupStages();
        server.close();
    }

    private void open(ConsoleSettings settings, String user, String password) throws Exception {
        console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(settings, new ProfileStore(home.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1280, 800));
            stage.show();
        });
        console.fleet().connect(ConnectionProfile.remote("127.0.0.1", server.port(), user, false,
                Permission.Role.UNKNOWN), password.toCharArray());
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

    private String stateOf(String method) {
        return onFx(() -> table().getItems().stream().filter(r -> r.method().equals(method)).findFirst()
                .map(r -> r.stateTextProperty().get()).orElse(null));
    }

    private String health() {
        return onFx(() -> {
            TableView<FleetRow> fleet = robot.lookup("#fleetTable").queryTableView();
            return fleet.getItems().isEmpty() ? "" : fleet.getItems().get(0).healthProperty().get();
        });
    }

    private void waitForRows(int count) {
        Eventually.within(WAIT, count + " breaker rows", () -> onFx(() -> table().getItems().size()),
                () -> onFx(() -> table().getItems().size()) == count);
    }

    @Test
    void theTableListsTheBreakersOfTheConnectedJvm() throws Exception {
        open(FAST, TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        waitForRows(3);
        assertThat(onFx(() -> table().getItems().stream().map(r -> r.bean() + "#" + r.method()).sorted().toList()))
                .containsExactly("Payments#charge", "Payments#refund", "Stock#reserve");
        Eventually.within(WAIT, "CONNECTED", this::health, () -> "CONNECTED".equals(health()));
    }

    @Test
    void aStateChangeEmittedByTheServerAppearsWithinOneSecond() throws Exception {
        ConsoleSettings slowPolls = new ConsoleSettings(Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofSeconds(1));
        open(slowPolls, TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        waitForRows(3);
        charge.transitionTo("OPEN", "failure ratio 0.60 >= 0.50 over 20 calls; last failure ConnectException");
        Eventually.within(Duration.ofSeconds(1), "OPEN in the table within 1 s (polls are 60 s apart)",
                () -> stateOf("charge"), () -> "OPEN".equals(stateOf("charge")));
    }

    @Test
    void forcingOpenThroughTheUiSendsTheReasonToTheServer() throws Exception {
        open(FAST, TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        waitForRows(3);
        robot.clickOn("charge");
        robot.clickOn("#forceOpenButton");
        assertThat(robot.lookup("#confirmButton").queryAs(Button.class).isDisabled())
                .as("no confirmation without a reason").isTrue();
        robot.clickOn("#reasonField").write("payments DB failover INC-4711");
        robot.clickOn("#expiryField").write("30m");
        robot.clickOn("#confirmButton");
        Eventually.within(WAIT, "forceOpen received", charge::received, () -> !charge.received().isEmpty());
        assertThat(charge.received()).containsExactly(
                new TestCircuitBreaker.Received("forceOpen", "payments DB failover INC-4711", "PT30M"));
        Eventually.within(WAIT, "forced in the table", () -> stateOf("charge"),
                () -> "OPEN [forced]".equals(stateOf("charge")));
        assertThat(onFx(() -> robot.lookup("#actionStatus").queryAs(Label.class).getText()))
                .isEqualTo("Force open: 1 succeeded, 0 failed");
    }

    @Test
    void aGroupIsForcedOpenInEveryJvmThroughTheRegistry() throws Exception {
        open(FAST, TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        waitForRows(3);
        assertThat(robot.lookup("#groupForceOpenButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#groupChoice");
        robot.clickOn("payments");
        robot.clickOn("#groupForceOpenButton");
        robot.clickOn("#reasonField").write("failover");
        robot.clickOn("#confirmButton");
        Eventually.within(WAIT, "both members forced", () -> stateOf("refund"),
                () -> "OPEN [forced]".equals(stateOf("charge")) && "OPEN [forced]".equals(stateOf("refund")));
        assertThat(stateOf("reserve")).isEqualTo("CLOSED");
        assertThat(onFx(() -> robot.lookup("#actionStatus").queryAs(Label.class).getText()))
                .isEqualTo("Force open: 2 succeeded, 0 failed");
    }

    @Test
    void aViewerLoginDisablesTheActionsAndSaysWhy() throws Exception {
        open(FAST, TestJmxServer.VIEWER, TestJmxServer.VIEWER_PASSWORD);
        waitForRows(3);
        robot.clickOn("charge");
        Eventually.within(WAIT, "reason shown", () -> onFx(this::disabledReason),
                () -> onFx(this::disabledReason).contains("has role viewer"));
        for (String id : new String[] {"#forceOpenButton", "#forceClosedButton", "#releaseButton", "#resetButton"}) {
            assertThat(robot.lookup(id).queryAs(Button.class).isDisabled()).as(id).isTrue();
        }
        assertThat(charge.received()).isEmpty();
    }

    private String disabledReason() {
        return robot.lookup("#actionsDisabledReason").queryAs(Label.class).getText();
    }

    @Test
    void aStoppedConnectorShowsDisconnectedWithoutBlockingTheWindowAndARestartReconnects() throws Exception {
        open(FAST, TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        waitForRows(3);
        server.stop();
        Eventually.within(WAIT, "DISCONNECTED shown", this::health, () -> health().startsWith("DISCONNECTED"));
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(ran::countDown);
            assertThat(ran.await(500, TimeUnit.MILLISECONDS)).as("FX thread answers while disconnected").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            Thread.sleep(150);
        }
        assertThat(onFx(() -> table().getItems().size())).as("last known rows stay").isEqualTo(3);
        assertThat(stateOf("charge")).isEqualTo("CLOSED (last known)");
        server.listen();
        Eventually.within(WAIT, "CONNECTED again", this::health, () -> "CONNECTED".equals(health()));
        charge.transitionTo("HALF_OPEN", "delay of 5000 ms elapsed");
        Eventually.within(WAIT, "notifications flow again", () -> stateOf("charge"),
                () -> "HALF_OPEN".equals(stateOf("charge")));
    }
}
