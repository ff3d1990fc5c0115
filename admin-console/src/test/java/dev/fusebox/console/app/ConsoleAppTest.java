package dev.fusebox.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestJmxServer;
import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.FleetRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The application itself, in this JVM: start with --connect, the connection dialog, stop. */
class ConsoleAppTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private TestJmxServer server;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("fusebox.console.profiles");
        FxToolkit.cleanupStages();
        server.close();
    }

    @Test
    void startsConnectsThroughTheDialogSavesTheProfileWithoutPasswordAndStopsItsConnections() throws Exception {
        server = TestJmxServer.start();
        server.addBreaker("shop", "com.example.Payments", "charge");
        Path profiles = home.resolve("profiles.properties");
        System.setProperty("fusebox.console.profiles", profiles.toString());

        Application app = FxToolkit.setupApplication(ConsoleApp.class, "--connect=127.0.0.1:" + server.port(),
                "--user=" + TestJmxServer.OPERATOR, "--role=operator");
        assertThat(onFx(() -> robot.listTargetWindows().stream().filter(w -> w instanceof Stage)
                .map(w -> ((Stage) w).getTitle()).toList())).contains("Fusebox console", "Connect to a JVM");

        robot.clickOn("#connectPassword").write(TestJmxServer.OPERATOR_PASSWORD);
        robot.clickOn("#connectButton");
        Eventually.within(WAIT, "the breaker listed", () -> onFx(() -> breakers().getItems().size()) == 1);
        Eventually.within(WAIT, "connected", () -> "CONNECTED".equals(onFx(this::health)));
        Eventually.within(WAIT, "profile saved", () -> Files.exists(profiles));
        String saved = Files.readString(profiles);
        assertThat(saved).contains("127.0.0.1").contains("operator").contains("OPERATOR")
                .doesNotContain(TestJmxServer.OPERATOR_PASSWORD);

        FxToolkit.cleanupApplication(app);
        Eventually.within(WAIT, "connection threads ended", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("fusebox-jmx-") && t.isAlive()));
    }

    private TableView<BreakerRow> breakers() {
        return robot.lookup("#breakerTable").queryTableView();
    }

    private String health() {
        TableView<FleetRow> fleet = robot.lookup("#fleetTable").queryTableView();
        return fleet.getItems().isEmpty() ? "" : fleet.getItems().get(0).healthProperty().get();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
