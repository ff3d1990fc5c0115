package dev.fusebox.ft.jmx.remote;

import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.util.Arrays;
import java.util.Objects;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Checks a remote client's user name and password against {@link Credentials}. A success returns
 * a read-only {@link Subject} holding a {@link JMXPrincipal} with the user name and, as a private
 * credential, the user's {@link RoleGrant}. A failure is a {@link SecurityException} whose message
 * does not say whether the user or the password was wrong, logged at WARNING with the user name
 * and the client's address (never the password). Thread-safe.
 */
final class PasswordAuthenticator implements JMXAuthenticator {

    private static final System.Logger LOG = System.getLogger(PasswordAuthenticator.class.getName());
    static final String FAILED = "authentication failed";

    private final Credentials credentials;

    PasswordAuthenticator(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public Subject authenticate(Object given) {
        if (!(given instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
            LOG.log(System.Logger.Level.WARNING, "remote JMX login refused from " + client()
                    + ": no user name and password given");
            throw new SecurityException(FAILED + ": a user name and a password are required");
        }
        String user = pair[0];
        char[] password = pair[1].toCharArray();
        Role role;
        try {
            role = credentials.check(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (role == null) {
            LOG.log(System.Logger.Level.WARNING, "remote JMX login failed for user '" + printable(user) + "' from "
                    + client());
            throw new SecurityException(FAILED);
        }
        String source = client();
        LOG.log(System.Logger.Level.INFO, "remote JMX login: user " + user + " (" + role.word() + ") from " + source);
        Subject subject = new Subject();
        subject.getPrincipals().add(new JMXPrincipal(user));
        subject.getPrivateCredentials().add(new RoleGrant(user, role, source));
        subject.setReadOnly();
        return subject;
    }

    /** The RMI client's host when called over RMI. */
    private static String client() {
        try {
            return RemoteServer.getClientHost();
        } catch (ServerNotActiveException e) {
            return "a local caller";
        }
    }

    /** A client-chosen name made safe for one log line. */
    static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        StringBuilder safe = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }
}
