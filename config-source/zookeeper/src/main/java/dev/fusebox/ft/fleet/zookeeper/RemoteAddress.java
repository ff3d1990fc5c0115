package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import jakarta.enterprise.inject.spi.BeanManager;
import javax.management.remote.JMXServiceURL;

/**
 * The JMX service URL of the container's remote connector ({@code fusebox-ft-jmx-remote}, an
 * optional dependency), for the member node's JMX address when {@value FleetSettings#JMX_ADDRESS}
 * is not set: empty when that module is not on the class path, not in the container, or its
 * connector is off. Stateless.
 */
final class RemoteAddress {

    private static final String EXTENSION = "dev.fusebox.ft.jmx.remote.RemoteAccessExtension";

    private RemoteAddress() {
    }

    static String of(BeanManager beans) {
        try {
            Class.forName(EXTENSION, false, RemoteAddress.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return "";
        }
        return Present.of(beans);
    }

    /** Loaded only when the remote module is on the class path. */
    private static final class Present {
        static String of(BeanManager beans) {
            RemoteAccessExtension remote;
            try {
                remote = beans.getExtension(RemoteAccessExtension.class);
            } catch (IllegalArgumentException notInThisContainer) {
                return "";
            }
            JMXServiceURL address = remote.remoteAddress();
            return address == null ? "" : address.toString();
        }
    }
}
