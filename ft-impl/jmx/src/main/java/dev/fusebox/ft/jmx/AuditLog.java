package dev.fusebox.ft.jmx;

import dev.fusebox.ft.management.AuditEntry;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * The record of operator actions: the most recent {@value #CAPACITY} in memory (for
 * {@code FaultToleranceMXBean.getAuditLog}), each also logged through {@code System.Logger}
 * {@value #LOGGER} (INFO, refusals at WARNING) and committed as a JFR event. Entries arrive with
 * their texts already cut to bounded excerpts ({@code OperatorActions.record}); the log line escapes
 * every control character, so one entry is always one line. Thread-safe.
 */
final class AuditLog {

    static final int CAPACITY = 200;
    static final String LOGGER = "dev.fusebox.ft.audit";

    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final String application;
    private final ArrayDeque<AuditEntry> recent = new ArrayDeque<>(CAPACITY);

    AuditLog(String application) {
        this.application = application;
    }

    void record(AuditEntry entry) {
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeFirst();
            }
            recent.addLast(entry);
        }
        LOG.log(entry.succeeded() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, line(entry));
        OperatorActionEvent event = new OperatorActionEvent();
        if (event.isEnabled()) {
            event.application = application;
            event.principal = entry.principal();
            event.action = entry.action();
            event.target = entry.target();
            event.reason = entry.reason();
            event.previous = entry.previousState();
            event.next = entry.newState();
            event.succeeded = entry.succeeded();
            event.detail = entry.detail();
            event.commit();
        }
    }

    /** Oldest first. */
    List<AuditEntry> entries() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** One line, key=value, values with spaces quoted; the format docs/operations.md describes. */
    String line(AuditEntry entry) {
        return String.format(Locale.ROOT,
                "application=%s principal=%s action=%s target=%s outcome=%s previous=%s new=%s reason=%s detail=%s",
                quoted(application), quoted(entry.principal()), entry.action(), quoted(entry.target()),
                entry.succeeded() ? "done" : "refused", quoted(entry.previousState()), quoted(entry.newState()),
                quoted(entry.reason()), quoted(entry.detail()));
    }

    /** In double quotes, with backslash, quote and every control character escaped: one entry, one line. */
    private static String quoted(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                default -> {
                    if (OperatorInput.isControl(c)) {
                        text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }
}
