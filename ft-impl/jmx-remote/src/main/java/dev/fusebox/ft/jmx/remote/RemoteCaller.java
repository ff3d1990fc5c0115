package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.jmx.JmxCaller;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.util.Set;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Who makes the call being served: the login and role of the {@link RoleGrant} in the caller's
 * subject and the address they logged in from. A call without a grant (the connector's own
 * notification buffer, a delegated subject, an in-process caller) has no role; its address is the
 * RMI client host when the call arrived over RMI. Immutable.
 *
 * @param user   the login, or {@code -}
 * @param role   the granted role, or {@code null}
 * @param source the client's address, or {@code in-process}
 */
record RemoteCaller(String user, Role role, String source) {

    static RemoteCaller current() {
        Subject subject = JmxCaller.subject();
        if (subject != null) {
            Set<RoleGrant> grants = subject.getPrivateCredentials(RoleGrant.class);
            if (grants.size() == 1) {
                RoleGrant grant = grants.iterator().next();
                return new RemoteCaller(grant.user(), grant.role(), grant.source());
            }
            String claimed = subject.getPrincipals(JMXPrincipal.class).stream().map(JMXPrincipal::getName)
                    .findFirst().orElse("-");
            return new RemoteCaller(PasswordAuthenticator.printable(claimed), null, clientHost());
        }
        return new RemoteCaller("-", null, clientHost());
    }

    boolean operator() {
        return role == Role.OPERATOR;
    }

    /** How a refusal names the caller: their login and role, or that they have none. */
    String describe() {
        return role == null ? "no authenticated user" : "user " + user + " has role " + role.word();
    }

    private static String clientHost() {
        try {
            return RemoteServer.getClientHost();
        } catch (ServerNotActiveException e) {
            return "in-process";
        }
    }
}
