package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestCircuitBreaker;
import dev.fusebox.console.fixture.TestJmxServer;
import dev.fusebox.console.operator.ConnectionProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console window, headless, showing a half-open breaker whose trial has not returned: in the
 * table's state column and in the detail, with how long it has been half-open. Fixture server: the
 * demo cannot hold a trial call on demand (its breakers' trials end with their timeouts).
 */
class HalfOpenTrialsViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(300), Duration.ofMillis(200),
            Duration.ofMillis(800));

    @TempDir
    Path consoleHome;

    private final FxRobot robot = new FxRobot();
    private TestJmxServer server;
    private TestCircuitBreaker charge;
    private Console console;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        server = TestJmxServer.start();
        charge = server.addBreaker("shop", "com.example.Payments", "charge");
        console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(FAST, new ProfileStore(consoleHome.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1360, 860));
            stage.show();
        });
        console.fleet().connect(ConnectionProfile.remote("127.0.0.1", server.port(), TestJmxServer.OPERATOR, false,
                Permission.Role.UNKNOWN), TestJmxServer.OPERATOR_PASSWORD.toCharArray());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(console::close);
        FxToolkit.cleanupStages();
        server.close();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean shown(String text) {
        return onFx(() -> robot.lookup("#breakerTable").lookup((Node n) -> n instanceof Labeled l
                && text.equals(l.getText())).tryQuery().isPresent());
    }

    @Test
    void aTrialStillRunningShowsInTheTableAndInTheDetail() {
        Eventually.within(WAIT, "the breaker listed", () -> shown("CLOSED"));
        charge.halfOpenWithTrials(1, 1, "delay of 5000 ms elapsed");

        Eventually.within(WAIT, "the state column shows the running trial",
                () -> shown("HALF_OPEN, 1 trial in flight"));
        robot.clickOn(robot.lookup("#breakerTable").lookup("charge").queryLabeled());
        Eventually.within(WAIT, "the detail says how long, how many trials run and that none is left",
                () -> onFx(() -> robot.lookup("#detailState").queryAs(Label.class).getText()),
                () -> onFx(() -> robot.lookup("#detailState").queryAs(Label.class).getText()).matches(
                        "HALF_OPEN for \\d+ s, 1 trial in flight of 1 admitted \\(no trial left: other calls are"
                                + " refused until one returns\\), because: delay of 5000 ms elapsed"));
        assertThat(onFx(() -> robot.lookup("#detailTitle").queryAs(Label.class).getText()))
                .startsWith("com.example.Payments#charge");
    }
}
