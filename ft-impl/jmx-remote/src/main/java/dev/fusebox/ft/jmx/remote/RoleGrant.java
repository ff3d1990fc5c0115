package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.jmx.CallerGrant;
import dev.fusebox.ft.management.FaultToleranceMXBean;

/**
 * The role {@link PasswordAuthenticator} granted a logged-in user, and the address they logged in
 * from, kept as a private credential of their {@link javax.security.auth.Subject}, where
 * {@link dev.fusebox.ft.jmx.JmxCaller#role()} and {@link ViewForwarder} find it. Private
 * credentials never travel: a {@code Subject} serializes its principals only, so a client-supplied
 * (delegation) subject cannot carry a grant, and the grant object's class is not public. Immutable.
 *
 * @param user   the login
 * @param role   what the login may do
 * @param source the RMI client host the login came from
 */
record RoleGrant(String user, Role role, String source) implements CallerGrant {

    @Override
    public String callerRole() {
        return role == Role.OPERATOR ? FaultToleranceMXBean.OPERATOR : FaultToleranceMXBean.VIEWER;
    }
}
