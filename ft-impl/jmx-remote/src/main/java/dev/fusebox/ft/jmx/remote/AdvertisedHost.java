package dev.fusebox.ft.jmx.remote;

import java.net.InetAddress;

/**
 * The host RMI stubs name for clients to call back, the JVM-wide {@value #PROPERTY}: set to the
 * connector's configured host when unset (and the host is not a wildcard address), cleared again
 * when the connector closes if it still holds what was set (see {@link RemoteConnector}).
 * Thread-safe: changes are made under the lock of the system properties.
 */
final class AdvertisedHost {

    static final String PROPERTY = "java.rmi.server.hostname";

    private AdvertisedHost() {
    }

    /** Sets {@value #PROPERTY} when unset; returns the value set, or {@code null}. */
    static String advertise(String host, InetAddress bind) {
        synchronized (System.getProperties()) {
            if (System.getProperty(PROPERTY) != null || bind.isAnyLocalAddress()) {
                return null;
            }
            System.setProperty(PROPERTY, host);
            return host;
        }
    }

    /** Clears {@value #PROPERTY} if it still holds {@code set}; nothing when {@code set} is null. */
    static void forget(String set) {
        if (set == null) {
            return;
        }
        synchronized (System.getProperties()) {
            if (set.equals(System.getProperty(PROPERTY))) {
                System.clearProperty(PROPERTY);
            }
        }
    }
}
