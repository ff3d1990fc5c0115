package dev.fusebox.console.connect;

import dev.fusebox.console.operator.ConnectionProfile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;

/**
 * Opens a JMX connector for a profile: credentials, and with TLS the server's host name checked
 * ({@link HostCheckingTls}).
 */
final class JmxConnect {

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
}
