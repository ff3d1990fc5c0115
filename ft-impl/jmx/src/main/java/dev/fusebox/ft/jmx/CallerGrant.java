package dev.fusebox.ft.jmx;

import dev.fusebox.ft.management.FaultToleranceMXBean;

/**
 * The role a JMX connector granted the client it serves, kept as a private credential of the
 * client's {@link javax.security.auth.Subject}. Fusebox's remote connector (module
 * {@code fusebox-ft-jmx-remote}) adds one at login; {@link JmxCaller#role()} reads it. Private
 * credentials never travel: a {@code Subject} sent by a client carries principals only, so a
 * client cannot bring a grant of its own. Implementations are immutable.
 */
public interface CallerGrant {

    /** {@link FaultToleranceMXBean#OPERATOR} or {@link FaultToleranceMXBean#VIEWER}. */
    String callerRole();
}
