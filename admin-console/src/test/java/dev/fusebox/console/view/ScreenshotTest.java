package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConnectionProfile;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestBulkhead;
import dev.fusebox.console.fixture.TestCircuitBreaker;
import dev.fusebox.console.fixture.TestJmxServer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the console from a real scene under Monocle, fed by two loopback connectors with traffic,
 * and writes PNGs to {@code target/screenshots/} (for docs/images/).
 */
class ScreenshotTest {

    private static final ConsoleSettings QUICK = new ConsoleSettings(Duration.ofMillis(250), Duration.ofMillis(200),
            Duration.ofSeconds(1));

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
    private TestJmxServer shop;
    private TestJmxServer catalog;
    private Console console;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        traffic.shutdownNow();
        if (console != null) {
            FxToolkit.setupFixture(console::close);
        }
        FxToolkit.cleanupStages();
        shop.close();
        catalog.close();
    }

    @Test
    void fleetOverviewAndBreakerDetail() throws Exception {
        shop = TestJmxServer.start();
        TestCircuitBreaker charge = shop.addBreaker("shop", "com.example.payments.PaymentGateway", "charge");
        TestCircuitBreaker refund = shop.addBreaker("shop", "com.example.payments.PaymentGateway", "refund");
        TestCircuitBreaker reserve = shop.addBreaker("shop", "com.example.stock.StockService", "reserve");
        TestBulkhead chargeSlots = shop.addBulkhead("shop", "com.example.payments.PaymentGateway", "charge", 10, 0);
        TestBulkhead reserveSlots = shop.addBulkhead("shop", "com.example.stock.StockService", "reserve", 20, 5);
        shop.registry("shop").defineGroup("payments", charge.getName(), refund.getName());
        catalog = TestJmxServer.start();
        TestCircuitBreaker search = catalog.addBreaker("catalog", "com.example.search.SearchClient", "find");
        catalog.addBreaker("catalog", "com.example.search.SearchClient", "suggest");

        AtomicBoolean chargeOpen = new AtomicBoolean();
        traffic.scheduleAtFixedRate(() -> {
            if (chargeOpen.get()) {
                charge.record(0, 0, 14);
            } else {
                charge.record(8, 6, 0);
            }
            refund.record(5, 0, 0);
            reserve.record(30, 1, 0);
            search.record(12, 0, 0);
            chargeSlots.load(10, 0, 14, 3);
            reserveSlots.load(7, 0, 37, 0);
        }, 0, 100, TimeUnit.MILLISECONDS);

        console = FxToolkit.setupFixture(
                (Callable<Console>) () -> new Console(QUICK, new ProfileStore(home.resolve("profiles"))));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(console.view(), 1360, 860));
            stage.show();
        });
        console.fleet().connect(new ConnectionProfile("shop-1", "127.0.0.1", shop.port(), TestJmxServer.OPERATOR,
                false, Permission.Role.OPERATOR, ""), TestJmxServer.OPERATOR_PASSWORD.toCharArray());
        console.fleet().connect(new ConnectionProfile("catalog-1", "127.0.0.1", catalog.port(), TestJmxServer.VIEWER,
                false, Permission.Role.VIEWER, ""), TestJmxServer.VIEWER_PASSWORD.toCharArray());
        Eventually.within(Duration.ofSeconds(10), "5 rows",
                () -> onFx(() -> console.view().breakerTable().getItems().size()) == 5);
        Thread.sleep(2500);
        chargeOpen.set(true);
        charge.transitionTo("OPEN", "failure ratio 0.60 >= 0.50 over 20 calls; last failure "
                + "java.net.ConnectException: Connection refused");
        robot.clickOn("charge");
        Eventually.within(Duration.ofSeconds(10), "history for the chart",
                () -> onFx(() -> console.viewModel().detail().history().size()) >= 20);
        WaitForAsyncUtils.waitForFxEvents();

        Path overview = Screenshots.write(onFx(() -> console.view().getScene().snapshot(null)),
                "console-overview.png");
        Path detail = Screenshots.write(onFx(() -> {
            Node pane = console.view().lookup("#detailPane");
            return pane.snapshot(null, null);
        }), "breaker-detail.png");

        robot.clickOn("#forceOpenButton");
        robot.clickOn("#reasonField").write("payments DB failover INC-4711");
        robot.clickOn("#expiryField").write("30m");
        WaitForAsyncUtils.waitForFxEvents();
        Path dialog = Screenshots.write(onFx(() -> robot.lookup("#reasonField").query().getScene().snapshot(null)),
                "force-open-dialog.png");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(charge.received()).as("cancel sends nothing").isEmpty();

        for (Path png : new Path[] {overview, detail, dialog}) {
            BufferedImage read = ImageIO.read(png.toFile());
            assertThat(read.getWidth()).as(png.toString()).isGreaterThan(300);
            assertThat(distinctColours(read)).as("not blank: " + png).isGreaterThan(20);
        }
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
