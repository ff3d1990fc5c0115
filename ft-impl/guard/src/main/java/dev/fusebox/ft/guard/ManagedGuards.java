package dev.fusebox.ft.guard;

import java.util.List;

/**
 * Management's port to the live guards of this class loader (the JMX module reads it): the guards
 * now, and a listener told after each guard is built or closed, on the thread that did it. The only
 * public way into the guards' engines; applications use {@link dev.fusebox.ft.api.Guard}.
 * Thread-safe.
 */
public final class ManagedGuards {

    private ManagedGuards() {
    }

    /** The live guards now, in no particular order. */
    public static List<ManagedGuard> live() {
        return GuardRegistry.live();
    }

    /** The live guard named {@code name}, or null when none is. */
    public static ManagedGuard live(String name) {
        return GuardRegistry.live(name);
    }

    /**
     * Calls {@code listener} after every guard built or closed; it must be quick and must not throw
     * (a throw is logged). Closing the result stops the calls.
     */
    public static AutoCloseable listen(Runnable listener) {
        return GuardRegistry.listen(listener);
    }

    /**
     * Guards built from now on report to {@code metrics} as well as to their JMX counters, until the
     * result is closed; the most recent one installed is used (a second container's, say).
     */
    public static AutoCloseable reportTo(GuardMetrics metrics) {
        return GuardRegistry.reportTo(metrics);
    }

    /**
     * Guards built from now on take their options' overrides from {@code overrides}, by key
     * {@code <guard name>/<Policy>/<parameter>}, until the result is closed; the most recent one
     * installed is used.
     */
    public static AutoCloseable configureWith(GuardOverrides overrides) {
        return GuardRegistry.configureWith(overrides);
    }
}
