package dev.fusebox.ft.jmx.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * A remote connector in a JVM of its own, for tests that must know whether the server ran a class
 * the client sent ({@link Bait}): started by {@code SerialFilterTest} with the test class path.
 * Arguments: the credentials file. Serves a {@link Probe}; prints {@code listening <address>}, then
 * runs until its standard input ends.
 */
public final class ForkedConnector {

    private ForkedConnector() {
    }

    public static void main(String[] args) throws IOException {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try {
            server.registerMBean(new Probe(), Probe.NAME);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
        RemoteSettings settings = new RemoteSettings(true, "127.0.0.1", 0, Path.of(args[0]), null,
                List.of(Probe.DOMAIN));
        try (RemoteConnector connector = RemoteConnector.start(settings, List.of(), server, RemoteAudit.LOG_ONLY)) {
            System.out.println("listening " + connector.address());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
