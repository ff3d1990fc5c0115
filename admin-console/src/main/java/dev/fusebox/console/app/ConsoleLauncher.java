package dev.fusebox.console.app;

import dev.fusebox.console.connect.HostCheckingTls;
import javafx.application.Application;

/**
 * Starts the console from the class path. JavaFX refuses to start an {@link Application} subclass
 * as the main class of a non-modular program, so this plain class is the main class.
 *
 * <p>Thread-safety: stateless; {@code main} runs on the launching thread and hands over to JavaFX.
 */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    public static void main(String[] args) {
        // before anything in this JVM uses TLS: every TLS connection checks the server's host name
        HostCheckingTls.install();
        Application.launch(ConsoleApp.class, args);
    }
}
