package dev.fusebox.ft.management;

/**
 * What one operator action did to one target; a group action returns one per breaker.
 *
 * Thread-safety: immutable.
 *
 * @param target        the guarded method, e.g. {@code com.example.Payments#charge}
 * @param action        forceOpen, forceClosed, release, reset or configure
 * @param succeeded     whether it took effect
 * @param previousState the state before (for configure: the previous value)
 * @param newState      the state after (for configure: the new value)
 * @param message       what happened, or why it was refused
 */
public record ActionResult(String target, String action, boolean succeeded, String previousState, String newState,
                           String message) {
}
