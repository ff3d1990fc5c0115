package dev.fusebox.ft.management;

/**
 * One audited operator action.
 *
 * Thread-safety: immutable.
 *
 * @param atEpochMillis when
 * @param principal     who: the authenticated JMX principal, {@code local} for an in-process JMX
 *                      client without authentication, or {@code code:<class>} for application code
 * @param action        forceOpen, forceClosed, release, reset, configure, or expire (a forcing
 *                      ran out)
 * @param target        the guarded method
 * @param reason        the reason given (empty when the action takes none)
 * @param previousState state (or value) before
 * @param newState      state (or value) after
 * @param succeeded     whether it took effect
 * @param detail        the refusal, or what else an auditor should know
 */
public record AuditEntry(long atEpochMillis, String principal, String action, String target, String reason,
                         String previousState, String newState, boolean succeeded, String detail) {
}
