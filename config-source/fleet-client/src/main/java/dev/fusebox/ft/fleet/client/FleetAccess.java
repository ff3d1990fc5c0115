package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetLayout;
import java.time.Duration;

/**
 * How to reach a fleet's ZooKeeper ensemble and as whom: the connection string
 * ({@code host:port[,host:port...]}), the layout's root, the digest login (none: the client is
 * anonymous, which a protected fleet lets read at most), the ACLs to give the nodes it creates, and
 * the session and connection timeouts. Each bound is checked here, with a message naming it.
 * Thread-safety: immutable.
 *
 * @param connectString     the ensemble, at most 2,000 characters
 * @param layout            where the fleet's nodes are
 * @param user              digest login name, or null
 * @param password          digest password, or null (required with a user)
 * @param acl               the ACLs of nodes this client creates
 * @param sessionTimeout    2 s to 120 s: how long the ensemble keeps this client's session (and its
 *                          ephemeral nodes) while it cannot reach the client
 * @param connectionTimeout 1 s to 60 s: how long an operation waits for a connection
 */
public record FleetAccess(String connectString, FleetLayout layout, String user, String password, FleetAcl acl,
                          Duration sessionTimeout, Duration connectionTimeout) {

    public static final Duration DEFAULT_SESSION = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CONNECTION = Duration.ofSeconds(5);

    public FleetAccess {
        if (connectString == null || connectString.isBlank() || connectString.length() > 2000) {
            throw new IllegalArgumentException("the fleet's ZooKeeper address must be host:port[,host:port...] of at"
                    + " most 2000 characters, but is '" + (connectString == null ? "null"
                    : connectString.substring(0, Math.min(40, connectString.length()))) + "'");
        }
        if ((user == null) != (password == null) || (user != null && (user.isEmpty() || user.contains(":")))) {
            throw new IllegalArgumentException("a fleet login needs a user name without ':' and a password, or neither");
        }
        between(sessionTimeout, Duration.ofSeconds(2), Duration.ofSeconds(120), "session timeout");
        between(connectionTimeout, Duration.ofSeconds(1), Duration.ofSeconds(60), "connection timeout");
        if (acl == null || layout == null) {
            throw new IllegalArgumentException("a fleet access needs a layout and ACLs (FleetAcl.open for none)");
        }
    }

    /** Anonymous, open ACLs, default timeouts, the standard layout: a demo on loopback. */
    public static FleetAccess open(String connectString) {
        FleetLayout layout = FleetLayout.standard();
        return new FleetAccess(connectString, layout, null, null, FleetAcl.open(layout), DEFAULT_SESSION,
                DEFAULT_CONNECTION);
    }

    public FleetAccess withLogin(String newUser, String newPassword) {
        return new FleetAccess(connectString, layout, newUser, newPassword, acl, sessionTimeout, connectionTimeout);
    }

    public FleetAccess withAcl(FleetAcl newAcl) {
        return new FleetAccess(connectString, layout, user, password, newAcl, sessionTimeout, connectionTimeout);
    }

    public FleetAccess withTimeouts(Duration session, Duration connection) {
        return new FleetAccess(connectString, layout, user, password, acl, session, connection);
    }

    private static void between(Duration value, Duration min, Duration max, String what) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("the fleet's " + what + " must be between " + min.toMillis() + " ms and "
                    + max.toMillis() + " ms, but is " + (value == null ? "missing" : value.toMillis() + " ms"));
        }
    }

    @Override
    public String toString() {
        // never the password
        return "fleet at " + connectString + layout.root() + (user == null ? " (anonymous)" : " as " + user);
    }
}
