package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.management.FaultToleranceMXBean;
import java.util.Set;
import javax.security.auth.Subject;

/** The role of the JMX client whose request is being served, in the words of {@link FaultToleranceMXBean#getCallerRole()}. */
public final class CallerRole {

    private CallerRole() {
    }

    /**
     * {@code operator} or {@code viewer} for a user of the remote connector, {@code local} for an
     * in-process client without a subject, {@code unknown} for a subject without Fusebox's grant.
     */
    public static String current() {
        Subject subject = RoleForwarder.callerSubject();
        if (subject == null) {
            return FaultToleranceMXBean.LOCAL;
        }
        Set<RoleGrant> grants = subject.getPrivateCredentials(RoleGrant.class);
        if (grants.size() != 1) {
            return FaultToleranceMXBean.UNKNOWN;
        }
        return grants.iterator().next().role() == Role.OPERATOR ? FaultToleranceMXBean.OPERATOR
                : FaultToleranceMXBean.VIEWER;
    }
}
