package dev.fusebox.ft.core.invocation;

/**
 * One link of the chain for a synchronous method: it applies its policy around the rest of the
 * chain. One instance serves every call of one guarded method, so implementations are thread-safe.
 */
@FunctionalInterface
public interface SyncStep {

    /** Applies this link's policy to {@code invocation} and returns the method's result. */
    Object call(Invocation invocation) throws Exception;
}
