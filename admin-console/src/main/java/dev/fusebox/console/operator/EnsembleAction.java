package dev.fusebox.console.operator;

import java.time.Duration;
import java.util.Objects;

/**
 * One fleet-wide action: what to do to which breaker (or {@code group:<name>}) of an application on
 * every instance registered in the ensemble.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param action      force open, force closed, release or reset
 * @param application the application
 * @param target      the breaker ({@code <bean class>#<method>}) or {@code group:<name>}
 * @param reason      why (required to force; audited)
 * @param expiry      how long a forcing lasts, or null for until released
 */
public record EnsembleAction(Action action, String application, String target, String reason, Duration expiry) {

    public EnsembleAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(target, "target");
        reason = reason == null ? "" : reason.strip();
    }

    /** {@code force-open shop payments#charge}, as the results list names it. */
    public String describe() {
        return action.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + " " + application + " " + target;
    }
}
