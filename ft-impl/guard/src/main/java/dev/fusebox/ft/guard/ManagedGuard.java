package dev.fusebox.ft.guard;

/**
 * A live guard as management sees it: its name, its engines (through which an operator forces,
 * releases, resets or reconfigures, as for an annotated method), and which bulkhead kind it uses.
 * Implementations are thread-safe.
 */
public interface ManagedGuard {

    String name();

    GuardEngines engines();

    /** Whether its first call was a stage, so its bulkhead (if any) is the one with a queue. */
    boolean servesStages();
}
