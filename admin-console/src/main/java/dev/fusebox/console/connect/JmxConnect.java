package dev.fusebox.console.connect;

import dev.fusebox.console.operator.ConnectionProfile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;

/**
 * Opens a JMX connector for a profile (credentials, and with TLS the server's host name checked by
 * {@link HostCheckingTls}), closes one without waiting for it, and says in one line why a call failed.
 *
 * <p>Thread-safety: stateless; {@link #open} blocks and belongs on a connection's worker, the rest
 * may run on any thread.
 */
final class JmxConnect {

    private static final System.Logger LOG = System.getLogger(JmxConnect.class.getName());

    /** The JNDI environment key the RMI registry client uses for its socket factory. */
    private static final String REGISTRY_SOCKET_FACTORY = "com.sun.jndi.rmi.factory.socket";

    private JmxConnect() {
    }

    /**
     * Connects. Blocking; call it on a connection worker only.
     *
     * @throws SecurityException the server refused the login
     */
    static JMXConnector open(ConnectionProfile profile, char[] password) throws IOException {
        Map<String, Object> env = new HashMap<>();
        if (!profile.user().isEmpty()) {
            env.put(JMXConnector.CREDENTIALS, new String[] {profile.user(), new String(password)});
        }
        if (profile.tls()) {
            // the connector's own stub brings the server's (TLS) socket factory, which uses the
            // default context HostCheckingTls installs; the registry is looked up with ours
            env.put(REGISTRY_SOCKET_FACTORY, HostCheckingTls.registrySockets());
        }
        return JMXConnectorFactory.connect(profile.url(), env);
    }

    /** Closing a connector to a dead or hung peer can block for long: never on the worker. */
    static void closeInBackground(String jvm, JMXConnector c) {
        if (c == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a broken connector: {0}", e.toString());
            }
        }, "fusebox-jmx-close-" + jvm);
        closer.setDaemon(true);
        closer.start();
    }

    /** The root cause of {@code e} in one line: its class's simple name and message. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
