package dev.fusebox.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.fixture.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
 * puts all three back.
 */
class ConsoleFleetAgainstDemoShopTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHARGE = DemoShopProcess.CLIENTS + "PaymentsClient#charge";

    @TempDir
    static Path demoHome;
    @TempDir
    Path consoleHome;

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
        console = FxToolkit.setupFixture((Callable<Console>) () -> new Console(new ConsoleSettings(
                Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(1)),
                new ProfileStore(consoleHome.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1360, 860));
            stage.show();
        });
        robot.clickOn("Fleet (ZooKeeper)");
        robot.clickOn("#fleetOpenConnectButton");
        robot.interact(() -> robot.lookup("#fleetAddress").queryAs(TextField.class).setText(shop.fleetZooKeeper()));
        robot.clickOn("#fleetConnectButton");

        // the shops register one after the other; each row counts the instances that did
        Eventually.within(WAIT, "every breaker across the three shops", this::summaries,
                () -> summaries().containsAll(List.of("PaymentsClient#charge: 3 of 3 instances CLOSED",
                        "InventoryClient#stockLevel: 3 of 3 instances CLOSED",
                        "RecommendationsClient#alsoBought: 3 of 3 instances CLOSED")));

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
