package dev.fusebox.console.viewmodel;

import dev.fusebox.ft.management.AuditEntry;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One operator action from a JVM's audit log, as a row of the console's audit table.
 *
 * <p>Thread-safety: an immutable record (the management API's {@code AuditEntry} is one too); safe on
 * any thread.
 *
 * @param jvm         the connection's name
 * @param application the application whose registry audited it
 * @param entry       what the registry recorded
 */
public record AuditRow(String jvm, String application, AuditEntry entry) {

    /** When, in the console's time zone. */
    public String time() {
        return Formats.dateTime(entry.atEpochMillis());
    }

    public String principal() {
        return entry.principal();
    }

    /** forceOpen, forceClosed, release, reset, configure or expire. */
    public String action() {
        return entry.action();
    }

    /** The guarded method, {@code <bean class>#<method>}. */
    public String target() {
        return entry.target();
    }

    public String reason() {
        return entry.reason() == null ? "" : entry.reason();
    }

    /** {@code CLOSED -> OPEN}. */
    public String change() {
        return entry.previousState() + " -> " + entry.newState();
    }

    /** The action did not take effect: the server refused it. */
    public boolean refused() {
        return !entry.succeeded();
    }

    /** {@code done} or {@code REFUSED}. */
    public String outcome() {
        return refused() ? "REFUSED" : "done";
    }

    public String detail() {
        return entry.detail() == null ? "" : entry.detail();
    }

    /** One line for the detail of the breaker it acted on (which the line therefore does not name). */
    public String line() {
        return time() + "  " + principal() + "  " + action() + "  " + change()
                + (reason().isEmpty() ? "" : ": " + reason())
                + (refused() ? "  REFUSED" + (detail().isEmpty() ? "" : ": " + detail()) : "");
    }

    /** Whether any column contains {@code lowerText} (already lower case). */
    boolean matches(String lowerText) {
        return Stream.of(jvm, application, time(), principal(), action(), target(), reason(), change(), outcome(),
                        detail())
                .anyMatch(column -> column != null && column.toLowerCase(Locale.ROOT).contains(lowerText));
    }
}
