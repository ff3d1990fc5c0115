package dev.fusebox.ft.cdi.config;

/**
 * How a guarded method runs: on the caller's thread, or asynchronously returning a Future or a
 * CompletionStage. Thread-safety: an enum without state.
 */
public enum AsyncMode {
    /** Synchronous. */
    NONE,
    /** {@code @Asynchronous} returning {@code Future}: only exceptions the method throws count as failures. */
    FUTURE,
    /** {@code @Asynchronous} returning {@code CompletionStage}: the stage's failure counts too. */
    STAGE
}
