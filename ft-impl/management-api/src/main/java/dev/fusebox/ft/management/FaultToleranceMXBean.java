package dev.fusebox.ft.management;

import java.util.List;

/**
 * The registry of one application, under {@code dev.fusebox.ft:type=FaultTolerance,application=..}:
 * every guarded method, the breaker groups, the audit log, and actions on many breakers at once.
 *
 * <p>A {@code selector} is {@code group:<name>} for a group defined in configuration, or a glob over
 * breaker names ({@code *} any characters, {@code ?} one), e.g. {@code com.example.Payments#*}.
 * Group actions apply to each matching breaker on its own (each atomically) and report per breaker.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
public interface FaultToleranceMXBean {

    String getApplication();

    List<GuardedMethodInfo> getGuardedMethods();

    List<BreakerGroup> getGroups();

    /** The most recent operator actions, oldest first. */
    List<AuditEntry> getAuditLog();

    /**
     * What the connection reading this may do, so a client can tell before it acts:
     * {@value #OPERATOR} (read and act), {@value #VIEWER} (read only; every operation throws
     * SecurityException), {@value #LOCAL} (an in-process client without authentication; may act)
     * or {@value #UNKNOWN} (authenticated by something other than Fusebox's connector).
     */
    String getCallerRole();

    String OPERATOR = "operator";
    String VIEWER = "viewer";
    String LOCAL = "local";
    String UNKNOWN = "unknown";

    /** Whether the operator overrides file is in use and healthy, and if not why. */
    String getOverridesStatus();

    List<ActionResult> forceOpenAll(String selector, String reason, String expiry);

    List<ActionResult> forceClosedAll(String selector, String reason, String expiry);

    List<ActionResult> releaseAll(String selector);

    List<ActionResult> resetAll(String selector);
}
