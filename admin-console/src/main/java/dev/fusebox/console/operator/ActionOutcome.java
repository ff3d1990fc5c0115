package dev.fusebox.console.operator;

import dev.fusebox.ft.management.ActionResult;

/**
 * What one action did to one breaker (or one policy's shadow mode) of one JVM (or why it could not be done).
 *
 * <p>Thread-safety: an immutable record (the management API's {@code ActionResult} is one too); safe on
 * any thread.
 *
 * @param jvm    the JVM's name in the console
 * @param result the server's answer, or one the console made up when the call did not get through
 */
public record ActionOutcome(String jvm, ActionResult result) {

    public static ActionOutcome failed(String jvm, String target, Action action, String message) {
        return failed(jvm, target, action.operation(), message);
    }

    /** An outcome the console made up for {@code operation} (the MXBean operation's name). */
    public static ActionOutcome failed(String jvm, String target, String operation, String message) {
        return new ActionOutcome(jvm, new ActionResult(target, operation, false, "", "", message));
    }

    /** One line for the results list. */
    public String describe() {
        ActionResult r = result;
        String change = r.previousState() == null || r.previousState().isEmpty() ? ""
                : " " + r.previousState() + " -> " + r.newState();
        return (r.succeeded() ? "OK   " : "FAIL ") + jvm + " " + r.target() + " " + r.action() + change
                + (r.message() == null || r.message().isEmpty() ? "" : ": " + r.message());
    }
}
