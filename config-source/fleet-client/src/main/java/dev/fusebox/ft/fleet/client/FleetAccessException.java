package dev.fusebox.ft.fleet.client;

/**
 * ZooKeeper refused an operator's action for want of permission ({@code NoAuth}): the login is a
 * viewer's or an instance's, or its password is wrong (ZooKeeper's digest scheme does not refuse a
 * wrong password at login; the session then has the rights of nobody, and ZooKeeper 3.9 refuses it
 * even the existence check of a protected node). The message names the login, the ensemble and the
 * node refused.
 * Thread-safety: immutable.
 */
public final class FleetAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FleetAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
