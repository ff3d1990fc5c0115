package dev.fusebox.console.operator;

/**
 * What became of one fleet-wide action: whether its one write committed (the action's node and its
 * audit entry together, or neither), and how many of the registered instances applied it.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param action   what was asked
 * @param result   {@link Result#APPLIED} by every instance registered, {@link Result#PARTLY} (committed,
 *                 but some instances did not answer or refused), {@link Result#FAILED} (not written),
 *                 {@link Result#UNKNOWN} (the ensemble could not say whether it was written)
 * @param actionId the action's id in the audit, or empty when it has none
 * @param text     one line for the operator, e.g. {@code applied by 3 of 3 instances}
 */
public record EnsembleOutcome(EnsembleAction action, Result result, String actionId, String text) {

    /** How far an action got. */
    public enum Result { APPLIED, PARTLY, FAILED, UNKNOWN }

    /** One line for the results list. */
    public String describe() {
        return result + " " + action.describe() + ": " + text;
    }
}
