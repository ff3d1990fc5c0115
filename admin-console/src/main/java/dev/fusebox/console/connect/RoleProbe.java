package dev.fusebox.console.connect;

import dev.fusebox.console.feed.Permission;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerDelegate;
import javax.management.ObjectName;

/**
 * Finds out, without changing anything, whether the login may invoke operations.
 *
 * <p>It asks the registry's {@code CallerRole} attribute first. For a server without it: an access controller in front of the
 * MBean server (the JDK's access file, or an equivalent forwarder) checks the caller's right to
 * invoke <em>before</em> it looks for the operation, so invoking an operation that does not exist
 * is refused with a {@link SecurityException} for a read-only login and fails harmlessly (no such
 * operation, nothing audited, nothing changed) for an operator. A server that checks the role only
 * inside its operations lets the probe through; then the first refused action tells.
 *
 * <p>Thread-safety: stateless; {@link #probe} blocks on JMX and runs on a connection's worker thread.
 */
final class RoleProbe {

    /** An operation no MBean has. */
    static final String PROBE_OPERATION = "fuseboxConsoleRoleProbe";

    private RoleProbe() {
    }

    /** What the registry's {@code CallerRole} attribute says, or null when it cannot tell. */
    private static Permission told(MBeanServerConnection server, ObjectName registry, Permission.Role declared)
            throws IOException {
        Object role;
        try {
            role = server.getAttribute(registry, "CallerRole");
        } catch (JMException | RuntimeException e) {
            return null; // an older server without the attribute: fall back to the probe
        }
        if (FaultToleranceMXBean.VIEWER.equals(role)) {
            return new Permission(Permission.Role.VIEWER, "the server says this login has role viewer (read only)");
        }
        if (FaultToleranceMXBean.OPERATOR.equals(role) || FaultToleranceMXBean.LOCAL.equals(role)) {
            return new Permission(Permission.Role.OPERATOR, "the server says this login may act (" + role + ")");
        }
        return null;
    }

    static Permission probe(MBeanServerConnection server, Permission.Role declared) throws IOException {
        if (declared == Permission.Role.VIEWER) {
            return new Permission(Permission.Role.VIEWER, "the connection profile declares role viewer");
        }
        Set<ObjectName> registries = server.queryNames(ManagementNames.all(ManagementNames.REGISTRY), null);
        ObjectName target = registries.isEmpty() ? MBeanServerDelegate.DELEGATE_NAME : registries.iterator().next();
        if (!registries.isEmpty()) {
            Permission told = told(server, target, declared);
            if (told != null) {
                return told;
            }
        }
        try {
            server.invoke(target, PROBE_OPERATION, new Object[0], new String[0]);
        } catch (SecurityException e) {
            return new Permission(Permission.Role.VIEWER, e.getMessage() + " (found at connect by a harmless probe)");
        } catch (JMException | RuntimeException e) {
            // no such operation: the access check let us through
        }
        return new Permission(declared == Permission.Role.OPERATOR ? Permission.Role.OPERATOR : Permission.Role.UNKNOWN,
                "the server's access check let a probe invocation through; if it still refuses an action, "
                        + "the console disables actions");
    }
}
