package dev.fusebox.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.app.Console;
import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.demo.DemoShopProcess;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.ConsoleWindow;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.operator.ConnectionProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
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
 * The connection dialog as an operator meets it, in a real console window (TestFX, headless)
 * with a real profile file, and the real demo as the local JVM to find: what it offers before
 * anything is typed, when Connect is enabled and what it says while it is not, how the login's
 * role reads before connecting, and how a local JVM found through the Attach API is shown and
 * named. Writes what it saw to {@code target/screenshots/connect-dialog*.png} (not to the docs).
 */
class ConnectDialogTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

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
        shop = DemoShopProcess.start(demoHome, 2);
    }

    @AfterAll
    static void stopTheDemo() {
        if (shop != null) {
            shop.close();
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
    void withNothingSavedItOffersTheDemosAddressAndSaysConnectWaitsForAUser() throws Exception {
        openDialog(new ProfileStore(consoleHome.resolve("profiles")));

        assertThat(text("#connectHost")).isEqualTo("127.0.0.1");
        assertThat(text("#connectPort")).isEqualTo("9010");
        assertThat(connectButton().isDisabled()).as("Connect without a user").isTrue();
        assertThat(onFx(() -> label("#connectMissing").getText())).contains("user");
        Screenshots.write(onFx(() -> robot.lookup("#connectHost").query().getScene().snapshot(null)),
                "connect-dialog.png");

        robot.clickOn("#connectUser").write("operator");
        assertThat(onFx(() -> connectButton().isDisabled())).isFalse();
        assertThat(onFx(() -> label("#connectMissing").getText())).isEmpty();

        robot.clickOn("#connectHost").type(KeyCode.END).eraseText(9);
        assertThat(onFx(() -> connectButton().isDisabled())).as("Connect without a host").isTrue();
        assertThat(onFx(() -> label("#connectMissing").getText())).contains("host");
    }

    @Test
    void beforeConnectingTheLoginsRoleReadsNotConnectedYetNotUnknown() throws Exception {
        openDialog(new ProfileStore(consoleHome.resolve("profiles")));

        // what the role's choice box shows
        String shown = onFx(() -> robot.lookup(".dialog-pane .choice-box .label").queryLabeled().getText());
        assertThat(shown).isEqualTo("not connected yet");
        assertThat(onFx(() -> robot.lookup(".dialog-pane").queryAll().stream()
                .flatMap(pane -> robot.from(pane).lookup((Node n) -> n instanceof Labeled).queryAll().stream())
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null && t.contains("UNKNOWN")).toList()))
                .isEmpty();
    }

    @Test
    void withSavedProfilesItOffersTheLastOneUsed() throws Exception {
        ProfileStore store = new ProfileStore(consoleHome.resolve("profiles"));
        store.save(ConnectionProfile.remote("10.0.0.5", 9010, "alice", false, Permission.Role.OPERATOR));
        store.save(ConnectionProfile.remote("prod-app-2", 9011, "bob", true, Permission.Role.VIEWER));
        openDialog(store);

        assertThat(text("#connectHost")).isEqualTo("prod-app-2");
        assertThat(text("#connectPort")).isEqualTo("9011");
        assertThat(text("#connectUser")).isEqualTo("bob");
    }

    @Test
    void aLocalJvmShowsItsApplicationAndAddressAndItsProfileIsNamedAfterThem() throws Exception {
        Path profiles = consoleHome.resolve("profiles");
        openDialog(new ProfileStore(profiles));
        robot.clickOn("Find local JVMs");
        String address = "127.0.0.1:" + shop.jmxPort();
        Eventually.within(WAIT, "the demo listed", () -> cellTexts().stream().anyMatch(t -> t.contains(address)));
        String demo = cellTexts().stream().filter(t -> t.contains(address)).findFirst().orElseThrow();
        assertThat(demo).contains("ShopDemo").contains("pid " + shop.pid()).doesNotContain("LocalJvm[");

        robot.clickOn(demo);
        assertThat(text("#connectName")).isEqualTo("ShopDemo (" + address + ")");
        Screenshots.write(onFx(() -> robot.lookup("#connectHost").query().getScene().snapshot(null)),
                "connect-dialog-local-jvm.png");
        robot.clickOn("#connectUser").write(DemoShopProcess.OPERATOR);
        robot.clickOn("#connectPassword").write(shop.operatorPassword());
        robot.clickOn("#connectButton");
        Eventually.within(WAIT, "profile saved", () -> Files.exists(profiles));
        assertThat(new ProfileStore(profiles).load()).extracting(ConnectionProfile::name)
                .containsExactly("ShopDemo (" + address + ")");
    }

    private void openDialog(ProfileStore store) throws Exception {
        console = ConsoleWindow.open(new ConsoleSettings(Duration.ofMillis(500), Duration.ofMillis(200),
                Duration.ofSeconds(1)), store);
        robot.clickOn("#openConnectButton");
        Eventually.within(WAIT, "dialog open", () -> onFx(() -> robot.lookup("#connectHost").tryQuery().isPresent()));
    }

    private List<String> cellTexts() {
        return onFx(() -> robot.lookup(".list-cell").queryAll().stream()
                .map(n -> ((ListCell<?>) n).getText()).filter(t -> t != null && !t.isBlank()).toList());
    }

    private Button connectButton() {
        return robot.lookup("#connectButton").queryButton();
    }

    private Label label(String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private String text(String id) {
        return onFx(() -> robot.lookup(id).queryAs(TextField.class).getText());
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
