package dev.fusebox.console.app;

import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.ConnectionProfile;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console window. Options, as program arguments ({@code --connect=host:port}) or system
 * properties ({@code -Dfusebox.console.connect=host:port}):
 * <ul>
 *   <li>{@code connect}: a JMX connector to open the connection dialog for at start;</li>
 *   <li>{@code user}, {@code role} (operator or viewer) and {@code tls} (true) for it.</li>
 * </ul>
 * The password is always typed into the dialog; it is never taken from the command line.
 *
 * <p>Thread-safety: JavaFX calls {@code start} and {@code stop} on the FX thread; the one
 * {@link Console} it holds lives there.
 */
public final class ConsoleApp extends Application {

    private static final System.Logger LOG = System.getLogger(ConsoleApp.class.getName());

    private Console console;

    @Override
    public void start(Stage stage) {
        console = new Console(ConsoleSettings.defaults(), ProfileStore.standard());
        stage.setTitle("Fusebox console");
        stage.setScene(new Scene(console.view(), 1360, 860));
        stage.show();
        LOG.log(System.Logger.Level.INFO, "Fusebox console started");
        ConnectionProfile prefill = startProfile(getParameters().getNamed());
        if (prefill != null) {
            console.view().openConnectDialog(prefill);
        }
    }

    static ConnectionProfile startProfile(Map<String, String> named) {
        String connect = option(named, "connect");
        if (connect == null || connect.isBlank()) {
            return null;
        }
        int colon = connect.lastIndexOf(':');
        if (colon < 0) {
            LOG.log(System.Logger.Level.WARNING, "--connect needs host:port, not {0}", connect);
            return null;
        }
        String role = option(named, "role");
        return ConnectionProfile.remote(connect.substring(0, colon), Integer.parseInt(connect.substring(colon + 1)),
                option(named, "user"), Boolean.parseBoolean(option(named, "tls")),
                role == null || role.isBlank() ? Permission.Role.UNKNOWN
                        : Permission.Role.valueOf(role.toUpperCase(Locale.ROOT)));
    }

    private static String option(Map<String, String> named, String name) {
        String value = named.get(name);
        return value != null ? value : System.getProperty("fusebox.console." + name);
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
        LOG.log(System.Logger.Level.INFO, "Fusebox console stopped");
    }
}
