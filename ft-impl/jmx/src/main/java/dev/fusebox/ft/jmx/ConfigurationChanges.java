package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.management.ActionResult;

/**
 * Applies an operator's change of one policy parameter at run time and keeps it (the operator
 * overrides file). The MXBeans' {@code configure} operations end here; the caller audits the
 * result. Supply one as a CDI bean of this type; without one every change is refused
 * ({@link #NONE}). Implementations must be thread-safe and must not throw for a bad value: they
 * return a result that is not {@code succeeded} and says why.
 */
public interface ConfigurationChanges {

    /**
     * Changes {@code parameter} of {@code annotation} (CircuitBreaker, Bulkhead, Retry, Timeout) of
     * {@code method} to {@code value}.
     */
    ActionResult configure(MethodEngines method, String annotation, String parameter, String value, String reason,
                           String principal);

    /** Whether the overrides file is in use and healthy, and if not why; for operators. */
    default String status() {
        return NOT_CONFIGURED;
    }

    /** Why nothing can be changed without an overrides file. */
    String NOT_CONFIGURED = "no operator overrides file configured (set fusebox.overrides.file)";

    /** Refuses every change: no overrides file is configured. */
    ConfigurationChanges NONE = (method, annotation, parameter, value, reason, principal) -> new ActionResult(
            method.name(), "configure", false, null, null, NOT_CONFIGURED);
}
