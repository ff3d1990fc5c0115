package dev.fusebox.console.operator;

import dev.fusebox.console.feed.Permission;
import java.net.MalformedURLException;
import java.util.Objects;
import javax.management.remote.JMXServiceURL;

/**
 * Where and as whom to connect. Holds no password: profiles are saved, passwords never are.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param name         the JVM's name in the console
 * @param host         host of the RMI registry (ignored when {@code serviceUrl} is given)
 * @param port         port of the RMI registry
 * @param user         login, or empty for a connector without authentication
 * @param tls          connect over TLS (the JVM's default trust store, see
 *                     {@code javax.net.ssl.trustStore})
 * @param declaredRole the role the operator says this login has; VIEWER disables actions at once
 * @param serviceUrl   a full JMX service URL (local JVMs found through the Attach API), or empty
 */
public record ConnectionProfile(String name, String host, int port, String user, boolean tls,
                                Permission.Role declaredRole, String serviceUrl) {

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        declaredRole = declaredRole == null ? Permission.Role.UNKNOWN : declaredRole;
        serviceUrl = serviceUrl == null ? "" : serviceUrl;
    }

    /** A Fusebox (or any RMI) connector at {@code host:port}. */
    public static ConnectionProfile remote(String host, int port, String user, boolean tls, Permission.Role role) {
        return new ConnectionProfile(host + ":" + port, host, port, user, tls, role, "");
    }

    /** The connector at a full service URL, e.g. a local JVM's local connector address. */
    public static ConnectionProfile atUrl(String name, String serviceUrl) {
        return new ConnectionProfile(name, "", 0, "", false, Permission.Role.UNKNOWN, serviceUrl);
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, host, port, user, tls, declaredRole, serviceUrl);
    }

    /** The JMX service URL to connect to. */
    public JMXServiceURL url() throws MalformedURLException {
        if (!serviceUrl.isEmpty()) {
            return new JMXServiceURL(serviceUrl);
        }
        return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + port + "/jmxrmi");
    }

    /** {@code host:port}, or the service URL. */
    public String address() {
        return serviceUrl.isEmpty() ? host + ":" + port : serviceUrl;
    }
}
