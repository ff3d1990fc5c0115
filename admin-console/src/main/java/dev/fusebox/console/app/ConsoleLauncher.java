package dev.fusebox.console.app;

import dev.fusebox.console.connect.HostCheckingTls;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the console from the class path. JavaFX refuses to start an {@link Application} subclass
 * as the main class of a non-modular program, so this plain class is the main class.
 *
 * <p>Before JavaFX is touched it checks what JavaFX needs to open a window
 * ({@link DesktopPrerequisites}); when something is missing it prints what to install and ends
 * the JVM with status {@value DesktopPrerequisites#EXIT_MISSING}, without a stack trace. The
 * {@code console} Maven profile runs the same check first ({@value #CHECK_ONLY}, inside Maven's JVM,
 * so the Maven command ends with that status too and prints nothing else), then the console.
 *
 * <p>Thread-safety: stateless; {@code main} runs on the launching thread and hands over to JavaFX.
 */
public final class ConsoleLauncher {

    /** The only argument: check what JavaFX needs and return, starting nothing. */
    static final String CHECK_ONLY = "--check-only";

    private ConsoleLauncher() {
    }

    public static void main(String[] args) {
        exitIfMissing();
        if (args.length == 1 && args[0].equals(CHECK_ONLY)) {
            return;
        }
        // before anything in this JVM uses TLS: every TLS connection checks the server's host name
        HostCheckingTls.install();
        Application.launch(ConsoleApp.class, args);
    }

    private static void exitIfMissing() {
        List<String> missing = DesktopPrerequisites.ofThisMachine().missing();
        if (!missing.isEmpty()) {
            missing.forEach(System.err::println);
            System.exit(DesktopPrerequisites.EXIT_MISSING);
        }
    }
}
