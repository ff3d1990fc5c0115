package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.demo.DemoShopProcess;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.CutCells;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
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
 * Renders the console from a real scene under Monocle, connected to the real demo service (a child
 * JVM) while its recommendations dependency is slow and, once there is some history, its payments
 * dependency is down, so the payments breaker opens on its own with a cause (its Failures column and
 * window line show the ratio that tripped it, and when), then after the demo JVM is killed (rows
 * {@code (last known)}, no rates, the chart greyed and frozen at its last reading). Writes
 * {@code console-overview.png}, {@code breaker-detail.png}, {@code force-open-dialog.png} and
 * {@code console-disconnected.png} to {@code target/screenshots/}, and all but the dialog also to
 * {@code -Dconsole.screenshots.dir} when given ({@code ../docs/images} for the docs).
 */
class ScreenshotTest {

    private static final ConsoleSettings QUICK = new ConsoleSettings(Duration.ofMillis(250), Duration.ofMillis(200),
            Duration.ofSeconds(1));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path demoHome;
    @TempDir
    Path consoleHome;

    private static DemoShopProcess shop;

    private final FxRobot robot = new FxRobot();
    private Console console;

    @BeforeAll
    static void startTheDemo() throws Exception {
        FxToolkit.registerPrimaryStage();
        shop = DemoShopProcess.start(demoHome, 10, "--fault", "recommendations=latency:360");
    }

    @AfterAll
    static void stopTheDemo() {
        if (shop != null) {
            shop.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void fleetOverviewAndBreakerDetailOfTheDemoWithPaymentsDown() throws Exception {
        console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(QUICK, new ProfileStore(consoleHome.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1360, 860));
            stage.show();
        });
        console.fleet().connect(new ConnectionProfile("shop-1", "127.0.0.1", shop.jmxPort(), DemoShopProcess.OPERATOR,
                false, Permission.Role.UNKNOWN, ""), shop.operatorPassword().toCharArray());
        Eventually.within(WAIT, "3 rows", () -> onFx(() -> console.view().breakerTable().getItems().size()) == 3);
        // 10 s of healthy payments traffic first, so the chart shows the change
        Eventually.within(Duration.ofSeconds(30), "some history", () -> onFx(() -> historyOf("charge")) >= 40);

        try (JMXConnector jmx = shop.connectAsOperator()) {
            DemoShopProcess.faults(jmx.getMBeanServerConnection(), "payments").setOutage(true);
            CircuitBreakerMXBean payments = DemoShopProcess.breaker(jmx.getMBeanServerConnection(), "PaymentsClient",
                    "charge");
            Eventually.within(WAIT, "payments opened by its failures", payments::getState,
                    () -> payments.getTimesOpened() > 0);
        }
        robot.clickOn(robot.from(console.view().breakerTable()).lookup("charge").<Node>query());
        // the cause is the opening's ("failure ratio ...") or, on a busy machine where the 3 s delay
        // ran out before the click, its failed trial's ("trial call failed ...")
        Eventually.within(WAIT, "the cause in the detail", () -> onFx(this::detailState),
                () -> onFx(this::detailState).matches("(?s).*because: (failure ratio|trial call failed).*"));
        // some seconds of rejections on the chart, and a failed trial among the transitions
        int before = onFx(() -> console.viewModel().detail().history().size());
        Eventually.within(WAIT, "rejections on the chart",
                () -> onFx(() -> console.viewModel().detail().history().size()) >= before + 20);
        // it half-opens after 3 s and its trial fails: take the picture while it is OPEN
        Eventually.within(WAIT, "OPEN with its cause", () -> onFx(this::detailState),
                () -> onFx(this::detailState).matches("OPEN for .*, because: .+"));
        WaitForAsyncUtils.waitForFxEvents();

        List<Path> written = new ArrayList<>();
        written.addAll(Screenshots.write(fittedSnapshot(), "console-overview.png", Screenshots.extraFolders()));
        written.addAll(Screenshots.write(onFx(() -> console.view().lookup("#detailPane").snapshot(null, null)),
                "breaker-detail.png", Screenshots.extraFolders()));

        robot.clickOn("#forceOpenButton");
        robot.clickOn("#reasonField").write("payments provider down INC-4711");
        robot.clickOn("#expiryField").write("30m");
        WaitForAsyncUtils.waitForFxEvents();
        written.add(Screenshots.write(onFx(() -> robot.lookup("#reasonField").query().getScene().snapshot(null)),
                "force-open-dialog.png"));
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        try (JMXConnector jmx = shop.connectAsOperator()) {
            assertThat(DemoShopProcess.breaker(jmx.getMBeanServerConnection(), "PaymentsClient", "charge").isForced())
                    .as("cancel sends nothing").isFalse();
        }

        // the JVM is lost: last known rows without rates, the chart greyed and frozen at its last reading
        shop.kill();
        Eventually.within(WAIT, "the chart says it is not live", () -> onFx(this::chartNote),
                () -> onFx(this::chartNote).startsWith("Not live: last reading at "));
        assertThat(onFx(() -> console.viewModel().breakers().stream().map(r -> r.callsTextProperty().get())
                .distinct().toList())).containsExactly("\u2014");
        WaitForAsyncUtils.waitForFxEvents();
        written.addAll(Screenshots.write(fittedSnapshot(), "console-disconnected.png", Screenshots.extraFolders()));

        for (Path png : written) {
            BufferedImage read = ImageIO.read(png.toFile());
            assertThat(read.getWidth()).as(png.toString()).isGreaterThan(300);
            assertThat(distinctColours(read)).as("not blank: " + png).isGreaterThan(20);
        }
    }

    private int historyOf(String method) {
        return console.view().breakerTable().getItems().stream().filter(r -> r.method().equals(method))
                .findFirst().map(r -> r.snapshotProperty().get().history().size()).orElse(0);
    }

    /**
     * The whole scene, taken when no cell of the fleet or breaker table is cut: a cell whose text just
     * changed is drawn for one frame in its column's old width, until the column is fitted again before
     * the next layout. (The audit table's columns have fixed widths.)
     */
    private WritableImage fittedSnapshot() {
        WritableImage[] taken = new WritableImage[1];
        Eventually.within(WAIT, "a frame with every column fitted", () -> onFx(() -> CutCells.inFittedTables(console.view())),
                () -> onFx(() -> {
                    taken[0] = CutCells.inFittedTables(console.view()).isEmpty() ? console.view().getScene().snapshot(null)
                            : null;
                    return taken[0] != null;
                }));
        return taken[0];
    }

    private String chartNote() {
        return robot.lookup("#chartStatus").queryAs(Label.class).getText();
    }

    private String detailState() {
        return robot.lookup("#detailState").queryAs(Label.class).getText();
    }

    private static long distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
