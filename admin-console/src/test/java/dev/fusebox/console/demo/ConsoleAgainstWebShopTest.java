package dev.fusebox.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.BudgetRow;
import dev.fusebox.console.viewmodel.ShadowRow;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Acceptance: the console, headless under Monocle, attaches to the web shop (Jetty + Weld Servlet +
 * RESTEasy, its Rest Client interfaces guarded by Fusebox) in a child JVM through its secured
 * connector as it does to the SE demo, lists the interfaces' breakers, and forces one open through
 * its window; the shop's HTTP endpoint then answers 503 with a {@code Retry-After} of the forcing's
 * remaining time, and no call reaches payments. Its Limits & shadow tab then shows what the shop
 * ships (issue 16): the checkout's rate limit, the recommendations breaker in shadow mode, the
 * inventory's retry budget; and the shop's programmatic guard (its stock feed) is listed as a breaker of
 * the application {@code web-shop-guards}.
 */
class ConsoleAgainstWebShopTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofSeconds(1));

    @TempDir
    static Path shopHome;
    @TempDir
    static Path consoleHome;

    private static WebShopProcess shop;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startTheWebShop() throws Exception {
        FxToolkit.registerPrimaryStage();
        shop = WebShopProcess.start(shopHome);
    }

    @AfterAll
    static void stopTheWebShop() throws Exception {
        FxToolkit.cleanupStages();
        if (shop != null) {
            shop.close();
            assertThat(shop.isAlive()).as("the web shop JVM is gone").isFalse();
        }
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

    private List<String> shadowRows() {
        TableView<ShadowRow> rows = robot.lookup("#shadowTable").queryTableView();
        return rows.getItems().stream().map(r -> simple(r.key().beanClass()) + "#" + r.key().method() + " "
                + r.policy().name() + " " + r.modeProperty().get()).sorted().toList();
    }

    private List<String> budgetRows() {
        TableView<BudgetRow> rows = robot.lookup("#budgetTable").queryTableView();
        return rows.getItems().stream().map(r -> simple(r.key().beanClass()) + "#" + r.key().method()).toList();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Test
    void theConsoleListsTheRestClientsBreakersAndForcingOneOpenMakesTheEndpointAnswer503() throws Exception {
        Console console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(FAST, new ProfileStore(consoleHome.resolve("profiles"))));
        try {
            FxToolkit.setupStage(stage -> {
                stage.setScene(new Scene(console.view(), 1360, 860));
                stage.show();
            });
            console.fleet().connect(ConnectionProfile.remote("127.0.0.1", shop.jmxPort(), WebShopProcess.OPERATOR,
                    false, Permission.Role.UNKNOWN), shop.operatorPassword().toCharArray());
            Eventually.within(WAIT, "3 breaker rows", () -> onFx(() -> table().getItems().size()),
                    () -> onFx(() -> table().getItems().size()) == 3);
            assertThat(onFx(() -> table().getItems().stream().map(r -> r.application() + " " + r.bean() + "#"
                    + r.method()).sorted().toList())).containsExactly("web-shop InventoryClient#stockLevel",
                    "web-shop PaymentsClient#charge", "web-shop RecommendationsClient#alsoBought");

            Node charge = robot.from(table()).lookup("charge").query();
            robot.clickOn(charge);
            robot.clickOn("#forceOpenButton");
            robot.clickOn("#reasonField").write("payments provider down INC-4711");
            robot.clickOn("#expiryField").write("30m");
            robot.clickOn("#confirmButton");

            try (JMXConnector operator = shop.connectAsOperator()) {
                CircuitBreakerMXBean payments = WebShopProcess.breaker(operator.getMBeanServerConnection(),
                        "PaymentsClient", "charge");
                Eventually.within(WAIT, "forced on the server", payments::getState, payments::isForced);
                long admittedBefore = payments.getSuccesses() + payments.getFailures();
                long rejectedBefore = payments.getRejections();

                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        shop.url().resolve("/checkout/kettle?cents=2599")).POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.body()).contains("circuit breaker is open", "PaymentsClient#charge");
                assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()))
                        .as("the rest of the 30 minutes forced").isBetween(Duration.ofMinutes(29).toSeconds(),
                                Duration.ofMinutes(30).toSeconds());
                assertThat(payments.getRejections()).as("rejected by the breaker").isEqualTo(rejectedBefore + 1);
                assertThat(payments.getSuccesses() + payments.getFailures()).as("admitted").isEqualTo(admittedBefore);
                payments.reset();
            }

            // issue 16: the shop's own rate limit, retry budget and shadow breaker, as the shop ships them
            robot.clickOn("Limits & shadow");
            Eventually.within(WAIT, "the shop's rate limit, breakers and bulkhead", () -> onFx(this::shadowRows),
                    () -> onFx(this::shadowRows).containsAll(List.of("CheckoutResource#checkout RATE_LIMIT enforcing",
                            "RecommendationsClient#alsoBought CIRCUIT_BREAKER shadow",
                            "PaymentsClient#charge CIRCUIT_BREAKER enforcing")));
            Eventually.within(WAIT, "the inventory's retry budget", () -> onFx(this::budgetRows),
                    () -> onFx(this::budgetRows).contains("InventoryClient#stockLevel"));

            // a programmatic guard (the shop's stock feed, built at its first use) shows like a method
            robot.clickOn("JVMs (JMX)");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(shop.url().resolve("/feed/stock/kettle"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            Eventually.within(WAIT, "the guard's breaker row", () -> onFx(() -> table().getItems().size()),
                    () -> onFx(() -> table().getItems().stream().anyMatch(r -> r.application().equals("web-shop-guards")
                            && r.method().equals("inventory-feed"))));
        } finally {
            FxToolkit.setupFixture(console::close);
        }
    }
}
