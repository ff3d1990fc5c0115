package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestBulkhead;
import dev.fusebox.console.fixture.TestCircuitBreaker;
import dev.fusebox.console.fixture.TestJmxServer;
import dev.fusebox.console.fixture.TestRateLimit;
import dev.fusebox.console.fixture.TestRetryBudget;
import dev.fusebox.console.fixture.TestShadowSwitch;
import dev.fusebox.console.operator.ConnectionProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
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
 * The "Limits & shadow" screen, headless: rate limiters, the shadow mode and would-reject counts of
 * rate limits, breakers and bulkheads, retry budgets, and the operator's shadow switch (reason
 * required, sent as {@code configure("shadow", ...)}); a viewer sees all of it and cannot switch.
 * Fixture server: the demo shop has no rate limit or retry budget, and cannot show chosen
 * would-reject counts on demand.
 */
class LimitsAndShadowViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(300), Duration.ofMillis(200),
            Duration.ofMillis(800));

    @TempDir
    Path consoleHome;

    private final FxRobot robot = new FxRobot();
    private TestJmxServer server;
    private TestCircuitBreaker charge;
    private TestRateLimit browse;
    private TestBulkhead reserve;
    private Console console;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        server = TestJmxServer.start();
        charge = server.addBreaker("shop", "com.example.Payments", "charge");
        charge.shadowSwitch().wouldReject(0);
        browse = server.addRateLimit("shop", "com.example.Storefront", "browse", "FIXED", 100, 1000, true);
        browse.counted(950, 0, 37);
        reserve = server.addBulkhead("shop", "com.example.Inventory", "reserve", 10, false);
        TestRetryBudget budget = server.addRetryBudget("shop", "com.example.Payments", "charge", "payments", 0.2,
                10_000, 10);
        budget.counted(12, 40, 7);
        console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(FAST, new ProfileStore(consoleHome.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1360, 860));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(console::close);
        FxToolkit.cleanupStages();
        server.close();
    }

    private void connectAs(String user, String password, Permission.Role declared) {
        console.fleet().connect(ConnectionProfile.remote("127.0.0.1", server.port(), user, false, declared),
                password.toCharArray());
        robot.clickOn("Limits & shadow");
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The texts of the row of {@code table} whose cells include {@code method}, in column order. */
    private List<String> row(String table, String method) {
        return onFx(() -> robot.lookup(table).lookup((Node n) -> n instanceof TableRow<?> r && !r.isEmpty()
                && r.lookupAll(".table-cell").stream().anyMatch(c -> c instanceof Labeled l
                && method.equals(l.getText()))).queryAll().stream().findFirst()
                .map(r -> r.lookupAll(".table-cell").stream().map(c -> ((Labeled) c).getText()).toList())
                .orElse(List.of()));
    }

    private boolean button(String id) {
        return onFx(() -> !robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    @Test
    void showsRateLimitersShadowCountsAndBudgetsAndSwitchesShadowWithAReason() throws Exception {
        connectAs(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, Permission.Role.UNKNOWN);

        Eventually.within(WAIT, "the rate limit listed with its settings, mode and counts",
                () -> row("#shadowTable", "browse"), () -> row("#shadowTable", "browse").containsAll(
                        List.of("Rate limit", "FIXED, 100 per 1 s", "shadow", "950", "0", "37")));
        Eventually.within(WAIT, "the breaker and the bulkhead listed as enforcing",
                () -> row("#shadowTable", "reserve"), () -> row("#shadowTable", "charge").containsAll(
                        List.of("Circuit breaker", "enforcing")) && row("#shadowTable", "reserve").containsAll(
                        List.of("Bulkhead", "10 at once", "enforcing")));
        Eventually.within(WAIT, "the retry budget with its group, settings and numbers",
                () -> row("#budgetTable", "charge"), () -> row("#budgetTable", "charge").containsAll(
                        List.of("payments", "20 % of first attempts over 10 s, at least 10/s", "12", "40", "7")));
        assertThat(button("#shadowOnButton")).as("nothing selected yet").isFalse();

        // the rate limit: shadow off (enforce), reason required
        robot.clickOn(robot.lookup("#shadowTable").lookup("browse").queryLabeled());
        Eventually.within(WAIT, "switch enabled for a selected row", () -> button("#shadowOffButton"));
        robot.clickOn("#shadowOffButton");
        Eventually.within(WAIT, "the dialog asks for a reason", () -> robot.lookup("#shadowReasonField").tryQuery()
                .isPresent());
        assertThat(button("#shadowConfirmButton")).as("no reason, no switch").isFalse();
        robot.clickOn("#shadowReasonField").write("INC-42 enforce now");
        Eventually.within(WAIT, "confirm enabled with a reason", () -> button("#shadowConfirmButton"));
        robot.clickOn("#shadowConfirmButton");
        Eventually.within(WAIT, "the server got shadow=false with the reason",
                () -> browse.shadowSwitch().lastChange(),
                () -> new TestShadowSwitch.Change("false", "INC-42 enforce now")
                        .equals(browse.shadowSwitch().lastChange()));
        Eventually.within(WAIT, "the row shows the rate limit enforcing", () -> row("#shadowTable", "browse"),
                () -> row("#shadowTable", "browse").contains("enforcing"));
        Eventually.within(WAIT, "the result line", () -> onFx(() -> robot.lookup("#shadowStatus")
                .queryAs(Label.class).getText()), () -> onFx(() -> robot.lookup("#shadowStatus")
                .queryAs(Label.class).getText()).startsWith("Shadow off: 1 succeeded"));

        // the breaker: shadow on
        robot.clickOn(robot.lookup("#shadowTable").lookup("charge").queryLabeled());
        robot.clickOn("#shadowOnButton");
        Eventually.within(WAIT, "the dialog", () -> robot.lookup("#shadowReasonField").tryQuery().isPresent());
        robot.clickOn("#shadowReasonField").write("roll out the new thresholds");
        robot.clickOn("#shadowConfirmButton");
        Eventually.within(WAIT, "the breaker in shadow mode on the server", () -> charge.isShadow());
        assertThat(charge.shadowSwitch().lastChange()).isEqualTo(
                new TestShadowSwitch.Change("true", "roll out the new thresholds"));
        Eventually.within(WAIT, "the breaker's row shows shadow", () -> row("#shadowTable", "charge"),
                () -> row("#shadowTable", "charge").contains("shadow"));
        assertThat(reserve.isShadow()).as("the bulkhead was not selected").isFalse();

        Path png = Screenshots.write(onFx(() -> console.view().snapshot(null, null)), "limits-shadow.png",
                Screenshots.extraFolders()).get(0);
        assertThat(png).isNotEmptyFile();
    }

    @Test
    void aViewerSeesEverythingAndCannotSwitch() {
        connectAs(TestJmxServer.VIEWER, TestJmxServer.VIEWER_PASSWORD, Permission.Role.VIEWER);

        Eventually.within(WAIT, "the rate limit listed", () -> row("#shadowTable", "browse"),
                () -> row("#shadowTable", "browse").containsAll(List.of("Rate limit", "shadow", "37")));
        Eventually.within(WAIT, "the budget listed", () -> row("#budgetTable", "charge"),
                () -> row("#budgetTable", "charge").contains("payments"));
        robot.clickOn(robot.lookup("#shadowTable").lookup("browse").queryLabeled());
        Eventually.within(WAIT, "switches disabled, saying why",
                () -> onFx(() -> robot.lookup("#shadowDisabledReason").queryAs(Label.class).getText()),
                () -> onFx(() -> robot.lookup("#shadowDisabledReason").queryAs(Label.class).getText())
                        .contains("actions disabled"));
        assertThat(button("#shadowOnButton")).isFalse();
        assertThat(button("#shadowOffButton")).isFalse();
        assertThat(browse.shadowSwitch().lastChange()).isNull();
        assertThat(onFx(() -> robot.lookup("#shadowTable").queryAs(TableView.class).getItems().size())).isEqualTo(3);
    }
}
