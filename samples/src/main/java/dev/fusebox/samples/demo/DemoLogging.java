package dev.fusebox.samples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * The demo's logging when its JVM was started without a configuration of its own (by hand, or as
 * a fleet member of such a JVM): the samples' {@code logging.properties} from the class path, so
 * the connector's security events are shown on the terminal however the demo was started. A
 * {@code -Djava.util.logging.config.file} or {@code .class} given on the command line is kept.
 *
 * <p>Thread-safety: call once from {@code main}, before anything logs.
 */
final class DemoLogging {

    private DemoLogging() {
    }

    static void configureUnlessGiven() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream config = DemoLogging.class.getResourceAsStream("/logging.properties")) {
            if (config == null) {
                throw new IllegalStateException("logging.properties is missing from the demo's class path");
            }
            LogManager.getLogManager().readConfiguration(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo's logging.properties", e);
        }
    }
}
