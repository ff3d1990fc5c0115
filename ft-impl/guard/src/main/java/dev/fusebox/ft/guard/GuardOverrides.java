package dev.fusebox.ft.guard;

/**
 * Configuration values that override a guard's options when it is built, by key
 * {@code <guard name>/<Policy>/<parameter>} (e.g. {@code inventory-feed/CircuitBreaker/delay}),
 * installed through {@link ManagedGuards#configureWith}: the CDI layer installs its container's
 * MicroProfile Config. Implementations are thread-safe.
 */
@FunctionalInterface
public interface GuardOverrides {

    /** The value of {@code key}, or null when it is not set. */
    String value(String key);
}
