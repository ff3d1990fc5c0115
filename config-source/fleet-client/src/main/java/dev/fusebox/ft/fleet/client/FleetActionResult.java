package dev.fusebox.ft.fleet.client;

import java.util.Objects;

/**
 * What became of one operator action's write (its ZooKeeper transaction); not whether the
 * instances applied it, which {@link FleetOperator#awaitApplied} tells.
 * Thread-safety: immutable.
 *
 * @param actionId   the action's id (its audit entry's and its acknowledgements'), also for an
 *                   outcome still {@link Outcome#UNKNOWN}, to ask {@link FleetOperator#outcome} later
 * @param outcome    committed, failed, or unknown
 * @param auditEntry the audit entry's node name ({@code entry-0000000042}) when committed, else empty
 * @param message    what happened, for an operator to read
 */
public record FleetActionResult(String actionId, Outcome outcome, String auditEntry, String message) {

    /** Whether the action's transaction took effect in the ensemble. */
    public enum Outcome {
        /** The action, its audit entry and its acknowledgements' parent were written together. */
        COMMITTED,
        /** Nothing was written. */
        FAILED,
        /** The ensemble did not answer, before or after; nobody can say yet (never reported as done). */
        UNKNOWN
    }

    public FleetActionResult {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(auditEntry, "auditEntry");
        Objects.requireNonNull(message, "message");
    }

    public boolean committed() {
        return outcome == Outcome.COMMITTED;
    }
}
