package dev.fusebox.console.feed;

/**
 * What the console's login may do on one JVM, and how the console knows.
 *
 * <p>The management API has no operation that tells a client its role, so the console learns it
 * from the connection profile (the role the operator declared), from a harmless probe (an
 * invocation of an operation that does not exist, which an access controller refuses for a
 * read-only login before looking for the operation), or from the first action the server refused.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param role   what the console believes the login is
 * @param reason the evidence, shown beside disabled actions
 */
public record Permission(Role role, String reason) {

    /** The roles of Fusebox's secured connector, and "not known yet". */
    public enum Role {
        /** Nothing says otherwise: actions are offered; the server may still refuse them. */
        UNKNOWN,
        OPERATOR,
        VIEWER
    }

    public Permission {
        reason = reason == null ? "" : reason;
    }

    public static Permission unknown(String reason) {
        return new Permission(Role.UNKNOWN, reason);
    }

    public boolean actionsAllowed() {
        return role != Role.VIEWER;
    }
}
