package dev.fusebox.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.Fleet;
import dev.fusebox.console.feed.FleetFeed;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.TestCircuitBreaker;
import dev.fusebox.console.fixture.TestJmxServer;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.samples.demo.FaultInjector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The game-day view-model on the test thread, in virtual time, against real fault injectors (the
 * demo's own MXBean class) behind a real password-protected JMX connector, through the console's
 * real {@link Fleet}.
 */
class GameDayViewModelTest {

    private static final String DETECT = "dev.fusebox.samples.demo.PaymentsClient";
    /** Payments out from second 3 to 7, the inventory 450 ms late from 5 to 8; the schedule ends at 8. */
    static final String EXPERIMENT = """
            name = game-day-test
            hypothesis = When payments are out, the payments breaker opens.
            load.request = POST /checkout/kettle?cents=2599
            load.rate = 10/s
            load.duration = 30s
            steady.duration = 2s
            steady.errors.max = 1%
            steady.p99.max = 300ms
            fault = at 3s for 4s payments outage
            fault = at 5s for 3s inventory latency 450ms
            detect.breaker = dev.fusebox.samples.demo.PaymentsClient#charge
            expect.detect.within = 2s
            """;
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(200), Duration.ofMillis(200),
            Duration.ofMillis(400));

    @TempDir
    Path dir;

    private TestJmxServer server;
    private FaultInjector payments;
    private FaultInjector inventory;
    private TestCircuitBreaker charge;
    private final Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
    private Fleet fleet;
    private final GameDayFixture.Ui ui = new GameDayFixture.Ui();
    /** Started 60 s in the past, so that the real breaker's openings come after the virtual faults. */
    private final GameDayFixture.VirtualTimer timer = new GameDayFixture.VirtualTimer(System.currentTimeMillis()
            - 60_000);
    private final ObservableMap<String, ChartMarks> marks = FXCollections.observableHashMap();
    private GameDayViewModel vm;
    private String jvm;

    @BeforeEach
    void start() throws Exception {
        server = TestJmxServer.start();
        charge = server.addBreaker("shop", DETECT, "charge");
        payments = server.addFaultInjector("payments");
        inventory = server.addFaultInjector("inventory");
        FleetFeed feed = new FleetFeed();
        feed.addListener(s -> latest.put(s.jvm(), s));
        fleet = new Fleet(feed, FAST);
        vm = new GameDayViewModel(fleet, ui, timer, marks);
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
        server.close();
    }

    private void connect(String user, String password) throws Exception {
        jvm = fleet.connect(ConnectionProfile.remote("127.0.0.1", server.port(), user, false,
                Permission.Role.UNKNOWN), password.toCharArray());
        pollUntil("connected with the breaker read", () -> {
            JvmSnapshot s = latest.get(jvm);
            return s != null && s.connection().isConnected() && !s.breakers().isEmpty();
        });
    }

    /** Hands the latest snapshots to the view-model (as the dispatcher does) until {@code done}. */
    private void pollUntil(String what, java.util.function.BooleanSupplier done) throws Exception {
        ui.runUntil(what, () -> {
            latest.values().forEach(vm::apply);
            return done.getAsBoolean();
        });
    }

    private void load(String text) throws Exception {
        Path file = dir.resolve("game-day.exp");
        Files.writeString(file, text);
        vm.pathProperty().set(file.toString());
        vm.load();
    }

    private void startWithReason() {
        vm.reasonProperty().set("quarterly game day");
        assertThat(vm.confirmProblemProperty().get()).isEmpty();
        assertThat(vm.start()).isTrue();
    }

    /** Moves to {@code second} and waits for the injectors' answers. */
    private void at(double second, String what, java.util.function.BooleanSupplier done) throws Exception {
        timer.advanceTo(second);
        pollUntil(what, done);
    }

    @Test
    void theScheduleIsAppliedInOrderTakenBackAndEveryInjectorHealedAtTheEnd() throws Exception {
        connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        load(EXPERIMENT);
        assertThat(vm.parseErrorProperty().get()).isEmpty();
        assertThat(vm.steps()).extracting(s -> s.dependency() + " " + s.fault() + " " + s.from() + " " + s.to())
                .containsExactly("payments outage +3 s +7 s", "inventory latency 450 ms +5 s +8 s");
        assertThat(vm.jvmProperty().get()).as("the only JVM is chosen").isEqualTo(jvm);
        assertThat(vm.startProblemProperty().get()).isEmpty();
        assertThat(vm.confirmProblemProperty().get()).startsWith("Give a reason");
        assertThat(vm.start()).as("no reason, no start").isFalse();
        startWithReason();

        at(2.9, "nothing yet", () -> true);
        assertThat(payments.isOutage()).isFalse();
        at(3, "payments out", () -> vm.steps().get(0).state().equals("ON"));
        assertThat(payments.isOutage()).isTrue();
        assertThat(inventory.getLatencyMillis()).isZero();
        at(5, "inventory late", () -> vm.steps().get(1).state().equals("ON"));
        assertThat(inventory.getLatencyMillis()).isEqualTo(450);
        assertThat(vm.statusProperty().get()).contains("payments outage, inventory latency 450 ms on");
        payments.setErrorRate(0.3); // by hand, outside the schedule: the final heal() takes it back too

        at(7, "payments back", () -> vm.steps().get(0).state().equals("taken back"));
        assertThat(payments.isOutage()).isFalse();
        assertThat(inventory.getLatencyMillis()).isEqualTo(450);
        at(8, "the end", () -> vm.statusProperty().get().startsWith("Schedule ended"));
        assertThat(vm.statusProperty().get()).isEqualTo("Schedule ended on " + jvm + "; healed payments, inventory");
        assertThat(payments.getStatus()).isEqualTo("healthy");
        assertThat(inventory.getStatus()).isEqualTo("healthy");
        assertThat(vm.runningProperty().get()).isFalse();
        ChartMarks m = marks.get(jvm);
        assertThat(m.faults()).extracting(FaultWindow::label).containsExactly("payments outage",
                "inventory latency 450 ms");
        long t0 = timer.nowMillis() - 8000;
        assertThat(m.faults()).extracting(w -> w.startMillis() - t0, w -> w.endMillis() - t0)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3000L, 7000L),
                        org.assertj.core.groups.Tuple.tuple(5000L, 8000L));
    }

    @Test
    void abortHealsEverythingAtOnceAndTheRestOfTheScheduleNeverRuns() throws Exception {
        connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        load(EXPERIMENT);
        startWithReason();
        at(5.5, "both on", () -> vm.steps().get(1).state().equals("ON"));
        assertThat(payments.isOutage()).isTrue();
        assertThat(inventory.getLatencyMillis()).isEqualTo(450);

        vm.abort();
        pollUntil("healed", () -> vm.statusProperty().get().startsWith("Aborted"));
        assertThat(vm.statusProperty().get()).isEqualTo("Aborted by the operator on " + jvm
                + "; healed payments, inventory");
        assertThat(payments.getStatus()).isEqualTo("healthy");
        assertThat(inventory.getStatus()).isEqualTo("healthy");
        assertThat(marks.get(jvm).faults()).allMatch(w -> !w.ongoing());
        timer.advanceTo(10);
        ui.runQueued();
        assertThat(payments.isOutage()).as("nothing runs after the abort").isFalse();
    }

    @Test
    void aDisconnectHealsFirstAndALostConnectionSaysTheHealFailedThenHealsWhenBack() throws Exception {
        connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        load(EXPERIMENT);
        startWithReason();
        at(3, "payments out", () -> vm.steps().get(0).state().equals("ON"));

        server.stop(); // the JVM goes away with payments still out
        pollUntil("the run stops", () -> vm.statusProperty().get().contains("HEALING FAILED"));
        assertThat(vm.statusProperty().get()).startsWith("Stopped: the connection was lost on " + jvm)
                .contains("HEALING FAILED for payments").contains("heal it by hand");
        assertThat(payments.isOutage()).isTrue();
        server.listen();
        pollUntil("healed when back", () -> vm.statusProperty().get().startsWith("Healed again"));
        assertThat(vm.statusProperty().get()).isEqualTo("Healed again on " + jvm + "; healed payments");
        assertThat(payments.getStatus()).isEqualTo("healthy");

        startWithReason();
        at(6, "payments out again (the second run started at second 3)", () -> vm.steps().get(0).state()
                .equals("ON"));
        var healed = vm.beforeDisconnect(jvm);
        healed.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(payments.getStatus()).as("healed before the connection closes").isEqualTo("healthy");
        fleet.disconnect(jvm).get(5, java.util.concurrent.TimeUnit.SECONDS);
        ui.runQueued();
        assertThat(vm.statusProperty().get()).isEqualTo("Stopped: the console disconnects on " + jvm
                + "; healed payments");
    }

    @Test
    void theTimeToDetectIsTheFirstOpeningOfTheDetectBreakerAfterTheFirstFault() throws Exception {
        connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        load(EXPERIMENT);
        startWithReason();
        at(3, "payments out", () -> vm.steps().get(0).state().equals("ON"));
        charge.transitionTo("OPEN", "failure ratio 1.00 >= 0.50");
        pollUntil("detected", () -> vm.statusProperty().get().contains("OPEN"));
        assertThat(vm.statusProperty().get()).containsPattern("PaymentsClient#charge OPEN \\d+\\.\\d s after the"
                + " first fault");
        assertThat(marks.get(jvm).opens()).hasSize(1);
        assertThat(vm.log()).anyMatch(l -> l.contains("detected: PaymentsClient#charge OPEN"));
    }

    @Test
    void aViewerCannotStart() throws Exception {
        connect(TestJmxServer.VIEWER, TestJmxServer.VIEWER_PASSWORD);
        load(EXPERIMENT);
        pollUntil("the role is known", () -> !latest.get(jvm).permission().actionsAllowed());
        vm.reasonProperty().set("quarterly game day");
        assertThat(vm.startProblemProperty().get()).startsWith("actions disabled on " + jvm + ": ");
        assertThat(vm.start()).isFalse();
        timer.advanceTo(10);
        ui.runQueued();
        assertThat(payments.getStatus()).isEqualTo("healthy");
        assertThat(vm.log()).isEmpty();
    }

    @Test
    void parseErrorsAreShownWithFileAndLineAndLeaveNothingToStart() throws Exception {
        connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD);
        load(EXPERIMENT.replace("payments outage", "payments slow"));
        assertThat(vm.parseErrorProperty().get()).startsWith("game-day.exp:9: ")
                .contains("'slow' is not a fault kind");
        assertThat(vm.steps()).isEmpty();
        assertThat(vm.startProblemProperty().get()).isEqualTo("Load an experiment file first.");

        vm.pathProperty().set(dir.resolve("missing.exp").toString());
        vm.load();
        assertThat(vm.parseErrorProperty().get()).endsWith("missing.exp: no such file");
        load(EXPERIMENT);
        assertThat(vm.parseErrorProperty().get()).isEmpty();
        assertThat(vm.steps()).hasSize(2);
    }

    @Test
    void theShippedGameDayForTheDemoShopLoads() {
        vm.pathProperty().set("../samples/chaos/game-days/demo-payments-outage.exp");
        vm.load();
        assertThat(vm.parseErrorProperty().get()).isEmpty();
        assertThat(vm.steps()).extracting(s -> s.dependency() + " " + s.fault()).containsExactly("payments outage",
                "inventory latency 450 ms");
    }
}
