package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.fixture.ConsoleWindow;
import dev.fusebox.console.fixture.CutCells;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.FleetTab;
import dev.fusebox.console.fixture.SimulatedInstances;
import dev.fusebox.console.viewmodel.EnsembleMethodRow;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetMember;
import dev.fusebox.ft.management.fleet.FleetMember.BreakerState;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javax.imageio.ImageIO;
import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetAcl;
import dev.fusebox.ft.fleet.client.FleetConnection;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fleet screen as an operator uses it, in a real console window (TestFX, headless) against a
 * real ZooKeeper server (curator-test's {@code TestingServer}, one for the class) in which three
 * instances of {@code shop} and one of {@code catalog} registered their member nodes
 * ({@link SimulatedInstances}: the nodes instances write, and the agent's answer to a forcing,
 * without their JVMs). Connects through the dialog, sees each breaker grouped across the instances,
 * forces one open fleet-wide through button, dialog and confirm, and checks in ZooKeeper itself
 * that the one write left the forced node and its audit entry; the screen then says "applied by
 * 3 of 3 instances", the row says who forced it, the fleet audit lists it; the drill-down opens the
 * JMX connection dialog at the address an instance registered; while the server is stopped the last
 * rows stay, marked, with every action disabled. Writes {@code fleet-view.png}
 * (also to {@code -Dconsole.screenshots.dir}).
 */
class FleetOverZooKeeperViewTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHARGE = "com.example.shop.PaymentsClient#charge";
    private static final String REFUND = "com.example.shop.PaymentsClient#refund";
    private static final FleetLayout LAYOUT = FleetLayout.standard();

    @TempDir
    Path consoleHome;

    private static final FleetLayout PROTECTED = new FleetLayout("/protected");

    private static TestingServer zookeeper;
    private static SimulatedInstances shop;
    private static SimulatedInstances catalog;
    /** An operator of a second fleet, under /protected, whose ACLs let anonymous clients read only. */
    private static FleetConnection protectedFleet;

    private final FxRobot robot = new FxRobot();
    private Console console;

    @BeforeAll
    static void startZooKeeperWithFourInstances() throws Exception {
        FxToolkit.registerPrimaryStage();
        zookeeper = new TestingServer(true);
        shop = new SimulatedInstances(zookeeper.getConnectString(), LAYOUT, "shop", List.of(
                member("shop", "shop-1", Map.of(CHARGE, "OPEN", REFUND, "CLOSED")),
                member("shop", "shop-2", Map.of(CHARGE, "CLOSED", REFUND, "CLOSED")),
                member("shop", "shop-3", Map.of(CHARGE, "HALF_OPEN", REFUND, "CLOSED"))));
        catalog = new SimulatedInstances(zookeeper.getConnectString(), LAYOUT, "catalog", List.of(
                member("catalog", "catalog-1", Map.of("com.example.catalog.Search#find", "CLOSED"))));
        FleetAcl acl = FleetAcl.of(PROTECTED, FleetAcl.digestId("ops", "ops-secret"),
                FleetAcl.digestId("instance", "instance-secret"), "world:anyone");
        protectedFleet = FleetConnection.start(new FleetAccess(zookeeper.getConnectString(), PROTECTED, "ops",
                "ops-secret", acl, FleetAccess.DEFAULT_SESSION, FleetAccess.DEFAULT_CONNECTION));
        assertThat(protectedFleet.awaitConnected(WAIT)).isTrue();
        CuratorFramework ops = protectedFleet.curator();
        for (String parent : List.of(PROTECTED.forced("shop"), PROTECTED.resets("shop"), PROTECTED.audit("shop"),
                PROTECTED.root() + "/acks/shop")) {
            ops.create().creatingParentsIfNeeded().forPath(parent);
        }
        ops.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(
                PROTECTED.instance("shop", "shop-9"), member("shop", "shop-9", Map.of(CHARGE, "CLOSED")).toBytes());
    }

    private static FleetMember member(String app, String id, Map<String, String> states) {
        Map<String, BreakerState> breakers = new java.util.HashMap<>();
        states.forEach((b, s) -> breakers.put(b, new BreakerState(s, "", "")));
        return new FleetMember(app, id, "host-" + id, "service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/" + id, "0.1.0",
                1_000, "connected", breakers);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        if (protectedFleet != null) {
            protectedFleet.close();
        }
        if (shop != null) {
            shop.close();
        }
        if (catalog != null) {
            catalog.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
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
    void seesEachBreakerAcrossTheInstancesAndForcesOneOpenFleetWideWithOneAuditedWrite() throws Exception {
        console = ConsoleWindow.open(new ConsoleSettings(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(1)), new ProfileStore(consoleHome.resolve("profiles")));
        FleetTab.connect(robot, Map.of("#fleetAddress", zookeeper.getConnectString()));

        Eventually.within(WAIT, "the breakers across the instances", this::summaries,
                () -> summaries().containsAll(List.of("Search#find: 1 of 1 instance CLOSED",
                        "PaymentsClient#charge: 1 of 3 instances OPEN, 1 HALF_OPEN",
                        "PaymentsClient#refund: 3 of 3 instances CLOSED")));
        assertThat(label("#fleetConnection")).startsWith("fleet at " + zookeeper.getConnectString() + "/fusebox");

        robot.clickOn("PaymentsClient#charge: 1 of 3 instances OPEN, 1 HALF_OPEN");
        Eventually.within(WAIT, "its three instances", () -> onFx(() -> console.view().ensembleView().instanceTable()
                .getItems().size()) == 3);
        robot.clickOn("#fleetForceOpenButton");
        // the typing itself is ConsoleAgainstDemoShopTest's (same dialog); set here to keep this test short
        robot.clickOn("#reasonField");
        robot.interact(() -> robot.lookup("#reasonField").queryAs(TextField.class)
                .setText("payments provider down INC-4711"));
        robot.interact(() -> robot.lookup("#expiryField").queryAs(TextField.class).setText("30m"));
        robot.clickOn("#confirmButton");

        Eventually.within(WAIT, "the outcome", () -> label("#fleetActionStatus"),
                () -> label("#fleetActionStatus").equals("APPLIED force-open shop " + CHARGE
                        + ": applied by 3 of 3 instances"));
        // what the one write left in ZooKeeper: the forcing and its audit entry
        try (CuratorFramework zk = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100))) {
            zk.start();
            FleetForcing forcing = FleetForcing.parse(zk.getData().forPath(LAYOUT.forced("shop", CHARGE)), CHARGE);
            assertThat(forcing.state()).isEqualTo("OPEN");
            assertThat(forcing.reason()).isEqualTo("payments provider down INC-4711");
            assertThat(forcing.untilEpochMillis() - forcing.sinceEpochMillis())
                    .isBetween(Duration.ofMinutes(30).minusSeconds(2).toMillis(), Duration.ofMinutes(30).toMillis());
            List<String> entries = zk.getChildren().forPath(LAYOUT.audit("shop"));
            assertThat(entries).hasSize(1);
            FleetAuditEntry entry = FleetAuditEntry.parse(zk.getData().forPath(LAYOUT.audit("shop") + "/"
                    + entries.get(0)), entries.get(0));
            assertThat(List.of(entry.actionId(), entry.action(), entry.target(), entry.by(), entry.reason()))
                    .containsExactly(forcing.actionId(), FleetAuditEntry.FORCE_OPEN, CHARGE, forcing.by(),
                            "payments provider down INC-4711");
        }
        Eventually.within(WAIT, "the row forced fleet-wide by whom", this::chargeRow,
                () -> chargeRow().matches("shop PaymentsClient#charge: 3 of 3 instances OPEN \\[OPEN by .+ until"
                        + " \\d\\d:\\d\\d:\\d\\d: payments provider down INC-4711]"));
        Eventually.within(WAIT, "the fleet audit", () -> onFx(() -> console.ensembleViewModel().audit().toString()),
                () -> onFx(() -> console.ensembleViewModel().audit().stream().anyMatch(a -> a.action()
                        .equals("force-open") && a.target().equals(CHARGE) && a.applied().equals("3 applied"))));
        robot.clickOn("Fleet audit");
        WaitForAsyncUtils.waitForFxEvents();
        Eventually.within(WAIT, "no cell of the fleet table cut short", () -> onFx(() -> CutCells.under(
                console.view().ensembleView().methodTable())), () -> onFx(() -> CutCells.under(
                console.view().ensembleView().methodTable()).isEmpty()));
        List<Path> written = Screenshots.write(onFx(() -> console.view().getScene().snapshot(null)), "fleet-view.png",
                Screenshots.extraFolders());
        BufferedImage png = ImageIO.read(written.get(0).toFile());
        assertThat(png.getWidth()).isGreaterThan(300);

        // drill-down: today's JMX connection dialog at the address the instance registered
        robot.clickOn("shop-2");
        robot.clickOn("#fleetOpenJmxButton");
        Eventually.within(WAIT, "the JMX dialog at shop-2's address", () -> onFx(() -> robot.lookup("#connectUrl")
                .tryQueryAs(TextField.class).map(TextField::getText).orElse("")).equals(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/shop-2"));
        robot.clickOn("Cancel");

        // the ensemble goes away: the last known rows stay, said so in red, and no action can be written
        zookeeper.stop();
        Eventually.within(WAIT, "not connected, rows kept", () -> onFx(() -> console.ensembleViewModel()
                .connectedProperty().get()) + " " + summaries(), () -> !onFx(() -> console.ensembleViewModel()
                .connectedProperty().get()) && summaries().size() == 3);
        assertThat(onFx(() -> robot.lookup("#fleetConnection").query().getStyleClass())).contains("health-bad");
        assertThat(label("#fleetActionsDisabledReason")).startsWith("The ensemble is not reachable now");
        zookeeper.restart();
        Eventually.within(WAIT, "connected again", () -> onFx(() -> console.ensembleViewModel().connectedProperty()
                .get()));
        assertThat(summaries()).contains("PaymentsClient#charge: 3 of 3 instances OPEN");
    }

    /** Anonymous, on a fleet whose ACLs let it read only: it sees the fleet, and why it may not act. */
    @Test
    void aLoginThatMayOnlyReadSeesTheFleetAndWhyEveryActionIsDisabled() throws Exception {
        console = ConsoleWindow.open(new ConsoleSettings(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(1)), new ProfileStore(consoleHome.resolve("profiles")));
        FleetTab.connect(robot, Map.of("#fleetAddress", zookeeper.getConnectString(), "#fleetRoot", PROTECTED.root()));
        Eventually.within(WAIT, "the protected fleet", this::summaries,
                () -> summaries().equals(List.of("PaymentsClient#charge: 1 of 1 instance CLOSED")));
        robot.clickOn("PaymentsClient#charge: 1 of 1 instance CLOSED");

        Eventually.within(WAIT, "why no action", () -> label("#fleetActionsDisabledReason"),
                () -> label("#fleetActionsDisabledReason").startsWith("This login may not write fleet actions: "));
        assertThat(label("#fleetActionsDisabledReason")).contains("shop");
        assertThat(onFx(() -> robot.lookup("#fleetForceOpenButton").query().isDisabled())).isTrue();
        try (CuratorFramework zk = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100))) {
            zk.start();
            assertThat(zk.getChildren().forPath(PROTECTED.forced("shop"))).as("the probe leaves nothing").isEmpty();
            assertThat(zk.getChildren().forPath(PROTECTED.audit("shop"))).isEmpty();
        }
    }

    private List<String> summaries() {
        return onFx(() -> console.ensembleViewModel().methods().stream().map(r -> r.summaryProperty().get()).toList());
    }

    private String chargeRow() {
        return onFx(() -> console.ensembleViewModel().methods().stream().filter(r -> r.target().equals(CHARGE))
                .map(EnsembleMethodRow::toString).findFirst().orElse(""));
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
