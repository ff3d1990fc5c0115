package dev.fusebox.ft.fleet.client;

/**
 * ZooKeeper refused a fleet write for want of permission ({@code NoAuth}): the login is a viewer's
 * or an instance's, or its password is wrong (ZooKeeper's digest scheme does not refuse a wrong
 * password at login; the session then simply has no right to write). The message names the login,
 * the ensemble and the node refused.
 * Thread-safety: immutable.
 */
public final class FleetAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FleetAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
