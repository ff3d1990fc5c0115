package dev.fusebox.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.app.ConsoleApp;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.LocalJvmDiscovery;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.LocalJvm;
import dev.fusebox.console.viewmodel.AuditRow;
import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.FleetRow;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.samples.demo.FaultInjectorMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
 * Acceptance: the console window, headless under Monocle, against the real demo service
 * ({@code samples}' {@code ShopDemo}) running as a child JVM on loopback with its real secured
 * connector, real Fusebox MXBeans and real load. One demo JVM for the class; what the console did
 * is checked on the server over a separate plain JMX connection as the operator.
 */
class ConsoleAgainstDemoShopTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Polls every 500 ms; reconnects after 200 ms, at most 1 s apart. */
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofSeconds(1));

    @TempDir
    static Path demoHome;
    @TempDir
    Path consoleHome;

    private static DemoShopProcess shop;
    private static JMXConnector operatorJmx;

    private final FxRobot robot = new FxRobot();
    private Console console;

    @BeforeAll
    static void startTheDemo() throws Exception {
        FxToolkit.registerPrimaryStage();
        shop = DemoShopProcess.start(demoHome, 4);
        operatorJmx = shop.connectAsOperator();
    }

    @AfterAll
    static void stopTheDemo() throws Exception {
        try {
            if (operatorJmx != null) {
                operatorJmx.close();
            }
        } catch (java.io.IOException gone) {
            // the connection may have died with a killed demo
        } finally {
            if (shop != null) {
                shop.close();
                assertThat(shop.isAlive()).as("the demo JVM is gone").isFalse();
            }
        }
        Eventually.within(WAIT, "no console connection thread left", () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.getName().startsWith("fusebox-jmx-") && t.isAlive()));
    }

    @AfterEach
    void closeTheConsole() throws Exception {
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
        FxToolkit.cleanupStages();
        // what a test forced must not leak into the next
        for (String[] b : new String[][] {{"InventoryClient", "stockLevel"}, {"PaymentsClient", "charge"},
                {"RecommendationsClient", "alsoBought"}}) {
            CircuitBreakerMXBean breaker = DemoShopProcess.breaker(server(), b[0], b[1]);
            if (breaker.isForced()) {
                breaker.reset();
            }
        }
    }

    /** The operator's plain JMX connection; made again after the demo was restarted. */
    private static MBeanServerConnection server() throws Exception {
        try {
            operatorJmx.getConnectionId();
            MBeanServerConnection connection = operatorJmx.getMBeanServerConnection();
            connection.getMBeanCount();
            return connection;
        } catch (java.io.IOException stale) {
            try {
                operatorJmx.close();
            } catch (java.io.IOException alreadyBroken) {
                // its threads end all the same
            }
            operatorJmx = shop.connectAsOperator();
            return operatorJmx.getMBeanServerConnection();
        }
    }

    private void open(ConsoleSettings settings, String user, String password) throws Exception {
        console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(settings, new ProfileStore(consoleHome.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1360, 860));
            stage.show();
        });
        console.fleet().connect(ConnectionProfile.remote("127.0.0.1", shop.jmxPort(), user, false,
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

    private BreakerRow row(String method) {
        return onFx(() -> table().getItems().stream().filter(r -> r.method().equals(method)).findFirst()
                .orElse(null));
    }

    private String stateOf(String method) {
        BreakerRow row = row(method);
        return row == null ? null : onFx(() -> row.stateTextProperty().get());
    }

    private String health() {
        return onFx(() -> {
            TableView<FleetRow> fleet = robot.lookup("#fleetTable").queryTableView();
            return fleet.getItems().isEmpty() ? "" : fleet.getItems().get(0).healthProperty().get();
        });
    }

    private void waitForTheThreeBreakers() {
        Eventually.within(WAIT, "3 breaker rows", () -> onFx(() -> table().getItems().size()),
                () -> onFx(() -> table().getItems().size()) == 3);
    }

    /** Selects a row by clicking the cell that shows its method. */
    private void clickRow(String method) {
        Node cell = robot.from(table()).lookup(method).query();
        robot.clickOn(cell);
    }

    private String text(String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void theTableListsTheDemosBreakers() throws Exception {
        open(FAST, DemoShopProcess.OPERATOR, shop.operatorPassword());
        waitForTheThreeBreakers();
        assertThat(onFx(() -> table().getItems().stream().map(r -> r.application() + " " + r.bean() + "#"
                + r.method()).sorted().toList())).containsExactly("shop InventoryClient#stockLevel",
                "shop PaymentsClient#charge", "shop RecommendationsClient#alsoBought");
        Eventually.within(WAIT, "CONNECTED", this::health, () -> "CONNECTED".equals(health()));
        Eventually.within(WAIT, "traffic measured", () -> row("charge").callsPerSecondProperty().get(),
                () -> onFx(() -> row("charge").callsPerSecondProperty().get()) > 0);
        Eventually.within(WAIT, "the server says operator", this::access, () -> "operator".equals(access()));

        clickRow("charge");
        Eventually.within(WAIT, "its configuration in the detail", () -> text("#detailConfiguration"),
                () -> text("#detailConfiguration").equals(
                        "requestVolumeThreshold 10, failureRatio 0.5, delay 3000 ms, successThreshold 2"));
        Eventually.within(WAIT, "the application's bulkheads, this method's first",
                () -> onFx(() -> List.copyOf(console.viewModel().detail().bulkheads())),
                () -> onFx(() -> console.viewModel().detail().bulkheads().size() == 2
                        && console.viewModel().detail().bulkheads().get(0).sameMethod()));
    }

    private String access() {
        return onFx(() -> robot.lookup("#fleetTable").<FleetRow>queryTableView().getItems().get(0)
                .accessProperty().get());
    }

    @Test
    void forcingOpenThroughTheUiOpensTheServicesBreakerAndItsCallsFailFast() throws Exception {
        open(FAST, DemoShopProcess.OPERATOR, shop.operatorPassword());
        waitForTheThreeBreakers();
        clickRow("charge");
        robot.clickOn("#forceOpenButton");
        assertThat(robot.lookup("#confirmButton").queryAs(Button.class).isDisabled())
                .as("no confirmation without a reason").isTrue();
        robot.clickOn("#reasonField").write("payments provider down INC-4711");
        robot.clickOn("#expiryField").write("30m");
        robot.clickOn("#confirmButton");

        CircuitBreakerMXBean payments = DemoShopProcess.breaker(server(), "PaymentsClient", "charge");
        Eventually.within(WAIT, "forced on the server", payments::getState, payments::isForced);
        assertThat(payments.getState()).isEqualTo("OPEN");
        Forcing forcing = payments.getForcing();
        assertThat(forcing.state()).isEqualTo("OPEN");
        assertThat(forcing.by()).isEqualTo(DemoShopProcess.OPERATOR);
        assertThat(forcing.reason()).isEqualTo("payments provider down INC-4711");
        assertThat(forcing.untilEpochMillis() - System.currentTimeMillis())
                .isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(30).toMillis());

        // calls fail fast: the breaker rejects them and none reaches the payments dependency
        FaultInjectorMXBean dependency = DemoShopProcess.faults(server(), "payments");
        long firstRejections = payments.getRejections();
        Eventually.within(WAIT, "a rejection", payments::getRejections,
                () -> payments.getRejections() > firstRejections);
        long calls = dependency.getCalls();
        long rejections = payments.getRejections();
        Eventually.within(WAIT, "more rejections", payments::getRejections,
                () -> payments.getRejections() >= rejections + 5);
        assertThat(dependency.getCalls()).as("calls that reached payments while forced open").isEqualTo(calls);

        Eventually.within(WAIT, "forced in the table", () -> stateOf("charge"),
                () -> "OPEN [forced]".equals(stateOf("charge")));
        assertThat(onFx(() -> row("charge").forcedBadgeProperty().get())).startsWith("by operator until");
        assertThat(text("#actionStatus")).isEqualTo("Force open: 1 succeeded, 0 failed");
        assertThat(text("#detailForcing")).startsWith("forced OPEN by operator since")
                .endsWith(": payments provider down INC-4711");
    }

    @Test
    void theAuditLogShowsWhoForcedWhatAndWhyWithinSeconds() throws Exception {
        open(FAST, DemoShopProcess.OPERATOR, shop.operatorPassword());
        waitForTheThreeBreakers();
        String target = row("stockLevel").key().name();
        clickRow("stockLevel");
        robot.clickOn("#forceOpenButton");
        robot.clickOn("#reasonField").write("inventory flapping INC-5150");
        robot.clickOn("#confirmButton");
        robot.clickOn("Audit log");

        TableView<AuditRow> audit = robot.lookup("#auditTable").queryTableView();
        Eventually.within(Duration.ofSeconds(5), "the forcing in the audit table",
                () -> onFx(() -> List.copyOf(audit.getItems())), () -> onFx(() -> !audit.getItems().isEmpty()
                        && audit.getItems().get(0).target().equals(target)
                        && audit.getItems().get(0).reason().equals("inventory flapping INC-5150")));
        AuditRow newest = onFx(() -> audit.getItems().get(0));
        assertThat(newest.principal()).isEqualTo(DemoShopProcess.OPERATOR);
        assertThat(newest.action()).isEqualTo("forceOpen");
        assertThat(newest.reason()).isEqualTo("inventory flapping INC-5150");
        assertThat(newest.change()).isEqualTo("CLOSED -> OPEN");
        assertThat(newest.outcome()).isEqualTo("done");
        assertThat(onFx(() -> audit.isVisible() && audit.getScene() != null)).as("the audit tab shows").isTrue();
        assertThat(onFx(() -> List.copyOf(console.viewModel().detail().audit()))).first()
                .isEqualTo(newest);
    }

    @Test
    void aGroupIsForcedOpenThroughTheRegistry() throws Exception {
        open(FAST, DemoShopProcess.OPERATOR, shop.operatorPassword());
        waitForTheThreeBreakers();
        robot.clickOn("#groupChoice");
        robot.clickOn(DemoShopProcess.GROUP);
        robot.clickOn("#groupForceOpenButton");
        robot.clickOn("#reasonField").write("checkout maintenance");
        robot.clickOn("#confirmButton");
        CircuitBreakerMXBean payments = DemoShopProcess.breaker(server(), "PaymentsClient", "charge");
        CircuitBreakerMXBean recommendations = DemoShopProcess.breaker(server(), "RecommendationsClient",
                "alsoBought");
        Eventually.within(WAIT, "both members forced on the server", payments::getState,
                () -> payments.isForced() && recommendations.isForced());
        assertThat(recommendations.getForcing().reason()).isEqualTo("checkout maintenance");
        assertThat(DemoShopProcess.breaker(server(), "InventoryClient", "stockLevel").isForced()).isFalse();
        Eventually.within(WAIT, "shown", () -> stateOf("alsoBought"),
                () -> "OPEN [forced]".equals(stateOf("charge")) && "OPEN [forced]".equals(stateOf("alsoBought")));
        assertThat(text("#actionStatus")).isEqualTo("Force open: 2 succeeded, 0 failed");
    }

    @Test
    void aViewerCannotActAndNothingChangesOnTheServer() throws Exception {
        int audited = DemoShopProcess.registry(server()).getAuditLog().size();
        open(FAST, DemoShopProcess.VIEWER, shop.viewerPassword());
        waitForTheThreeBreakers();
        clickRow("charge");
        Eventually.within(WAIT, "reason shown", () -> text("#actionsDisabledReason"),
                () -> text("#actionsDisabledReason").contains("role viewer"));
        robot.clickOn("#groupChoice");
        robot.clickOn(DemoShopProcess.GROUP);
        Eventually.within(WAIT, "reason shown for the group", () -> text("#groupDisabledReason"),
                () -> text("#groupDisabledReason").contains("role viewer"));
        for (String id : List.of("#forceOpenButton", "#forceClosedButton", "#releaseButton", "#resetButton",
                "#groupForceOpenButton", "#groupForceClosedButton", "#groupReleaseButton", "#groupResetButton")) {
            assertThat(robot.lookup(id).queryAs(Button.class).isDisabled()).as(id).isTrue();
        }
        robot.clickOn("#forceOpenButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reasonField").tryQuery()).as("no dialog opens").isEmpty();
        assertThat(access()).startsWith("viewer: ");
        assertThat(DemoShopProcess.breaker(server(), "PaymentsClient", "charge").isForced()).isFalse();
        assertThat(DemoShopProcess.registry(server()).getAuditLog()).as("nothing audited").hasSize(audited);
    }

    @Test
    void aStateChangeOnTheServerShowsWithinOneSecondThroughItsNotification() throws Exception {
        ConsoleSettings slowPolls = new ConsoleSettings(Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofSeconds(1));
        open(slowPolls, DemoShopProcess.OPERATOR, shop.operatorPassword());
        waitForTheThreeBreakers();
        Eventually.within(WAIT, "CONNECTED", this::health, () -> "CONNECTED".equals(health()));
        DemoShopProcess.breaker(server(), "RecommendationsClient", "alsoBought").forceOpen("by jmx", "");
        Eventually.within(Duration.ofSeconds(1), "OPEN [forced] within 1 s (polls are 60 s apart)",
                () -> stateOf("alsoBought"), () -> "OPEN [forced]".equals(stateOf("alsoBought")));
    }

    @Test
    void aWrongPasswordIsReportedAndNotRetried() throws Exception {
        open(FAST, DemoShopProcess.OPERATOR, "not-the-password");
        Eventually.within(WAIT, "login refused", this::health, () -> health().startsWith("DISCONNECTED (login refused"));
        assertThat(onFx(() -> table().getItems())).isEmpty();
    }

    @Test
    void killingTheServiceShowsDisconnectedWithoutFreezingAndARestartReconnects() throws Exception {
        open(FAST, DemoShopProcess.OPERATOR, shop.operatorPassword());
        waitForTheThreeBreakers();
        Eventually.within(WAIT, "CONNECTED", this::health, () -> "CONNECTED".equals(health()));

        shop.kill();
        Eventually.within(WAIT, "DISCONNECTED shown", this::health, () -> health().startsWith("DISCONNECTED"));
        assertThat(onFx(() -> table().getItems().size())).as("last known rows stay").isEqualTo(3);
        assertThat(stateOf("charge")).isEqualTo("CLOSED (last known)");

        // the window answers all the time the console keeps trying and the demo starts again
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            try {
                shop.restart();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int probes = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!restart.isDone() || probes < 10) {
            long start = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(ran::countDown);
            assertThat(ran.await(500, TimeUnit.MILLISECONDS)).as("FX thread answers, probe " + probes).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(onFx(() -> table().getItems().size())).isEqualTo(3);
            probes++;
            assertThat(System.nanoTime() - deadline).as("restarted within a minute").isNegative();
            try {
                restart.get(100, TimeUnit.MILLISECONDS); // paces the probes
            } catch (TimeoutException stillStarting) {
                // probe again
            }
        }
        restart.get();

        Eventually.within(WAIT, "CONNECTED again", this::health, () -> "CONNECTED".equals(health()));
        Eventually.within(WAIT, "live rows", () -> stateOf("charge"), () -> "CLOSED".equals(stateOf("charge")));
        DemoShopProcess.breaker(server(), "RecommendationsClient", "alsoBought").forceOpen("after restart", "");
        Eventually.within(WAIT, "notifications flow again", () -> stateOf("alsoBought"),
                () -> "OPEN [forced]".equals(stateOf("alsoBought")));
        Eventually.within(WAIT, "polls flow again", () -> row("stockLevel").callsPerSecondProperty().get(),
                () -> onFx(() -> row("stockLevel").callsPerSecondProperty().get()) > 0);
    }

    @Test
    void findLocalJvmsListsTheDemoWithItsConnector() {
        assertThat(LocalJvmDiscovery.available()).isTrue();
        List<LocalJvm> found = new LocalJvmDiscovery().discover();
        assertThat(found).filteredOn(j -> j.pid().equals(Long.toString(shop.pid()))).singleElement()
                .satisfies(j -> {
                    assertThat(j.remoteEndpoint()).isEqualTo("127.0.0.1:" + shop.jmxPort());
                    assertThat(j.profile().port()).isEqualTo(shop.jmxPort());
                });
        assertThat(found).noneMatch(j -> j.pid().equals(Long.toString(ProcessHandle.current().pid())));
    }

    @Test
    void theApplicationConnectsThroughItsDialogSavesTheProfileWithoutPasswordAndStopsItsConnections()
            throws Exception {
        Path profiles = consoleHome.resolve("profiles.properties");
        System.setProperty("fusebox.console.profiles", profiles.toString());
        try {
            Application app = FxToolkit.setupApplication(ConsoleApp.class, "--connect=127.0.0.1:" + shop.jmxPort(),
                    "--user=" + DemoShopProcess.OPERATOR, "--role=operator");
            assertThat(onFx(() -> robot.listTargetWindows().stream().filter(w -> w instanceof Stage)
                    .map(w -> ((Stage) w).getTitle()).toList())).contains("Fusebox console", "Connect to a JVM");
            robot.clickOn("#connectPassword").write(shop.operatorPassword());
            robot.clickOn("#connectButton");
            waitForTheThreeBreakers();
            Eventually.within(WAIT, "connected", this::health, () -> "CONNECTED".equals(health()));
            Eventually.within(WAIT, "profile saved", () -> Files.exists(profiles));
            assertThat(Files.readString(profiles)).contains("127.0.0.1").contains("operator").contains("OPERATOR")
                    .doesNotContain(shop.operatorPassword());

            FxToolkit.cleanupApplication(app);
            Eventually.within(WAIT, "connection threads ended", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("fusebox-jmx-") && t.isAlive()));
        } finally {
            System.clearProperty("fusebox.console.profiles");
        }
    }
}
