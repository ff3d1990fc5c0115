package dev.fusebox.ft.jmx.remote;

/**
 * Where the remote connector records what it refuses and the changes it lets through to an MBean
 * that is not Fusebox's (Fusebox's own operations audit themselves). In a container this is the
 * application's audit log ({@code ManagementExtension#audit}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface RemoteAudit {

    /** Logs only; for a connector without an application (tests). */
    RemoteAudit LOG_ONLY = (principal, action, target, succeeded, detail) -> { };

    /**
     * @param principal the login, or {@code -} when the call carries none
     * @param action    the MBeanServer method asked for
     * @param target    the ObjectName (and operation or attribute) asked of
     * @param succeeded false for a refusal
     * @param detail    why, and the client's address
     */
    void record(String principal, String action, String target, boolean succeeded, String detail);
}
