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
@Description("One application's fault tolerance: its guarded methods, breaker groups, audit log and actions on many breakers")
public interface FaultToleranceMXBean {

    @Description("The application name these MBeans are registered under")
    String getApplication();

    @Description("Every guarded method with the policies that guard it")
    List<GuardedMethodInfo> getGuardedMethods();

    @Description("The breaker groups defined in configuration and their members")
    List<BreakerGroup> getGroups();

    /** The most recent operator actions, oldest first. */
    @Description("The most recent operator actions, oldest first: who, what, why, when, result")
    List<AuditEntry> getAuditLog();

    /**
     * What the connection reading this may do, so a client can tell before it acts:
     * {@value #OPERATOR} (read and act), {@value #VIEWER} (read only; every operation throws
     * SecurityException), {@value #LOCAL} (an in-process client without authentication; may act)
     * or {@value #UNKNOWN} (authenticated by something other than Fusebox's connector).
     */
    @Description("What this connection may do: operator (read and act), viewer (read only), local or unknown")
    String getCallerRole();

    String OPERATOR = "operator";
    String VIEWER = "viewer";
    String LOCAL = "local";
    String UNKNOWN = "unknown";

    /** Whether the operator overrides file is in use and healthy, and if not why. */
    @Description("Whether the operator overrides file is in use and healthy, and if not why")
    String getOverridesStatus();

    @Description("Holds every matching breaker open, each on its own; reports per breaker")
    List<ActionResult> forceOpenAll(
            @Description(ParameterDescriptions.SELECTOR) String selector,
            @Description(ParameterDescriptions.FORCING_REASON) String reason,
            @Description(ParameterDescriptions.EXPIRY) String expiry);

    @Description("Holds every matching breaker closed, each on its own; reports per breaker")
    List<ActionResult> forceClosedAll(
            @Description(ParameterDescriptions.SELECTOR) String selector,
            @Description(ParameterDescriptions.FORCING_REASON) String reason,
            @Description(ParameterDescriptions.EXPIRY) String expiry);

    @Description("Ends the forcing of every matching breaker; reports per breaker")
    List<ActionResult> releaseAll(@Description(ParameterDescriptions.SELECTOR) String selector);

    @Description("Closes every matching breaker with an empty window and drops its forcing; reports per breaker")
    List<ActionResult> resetAll(@Description(ParameterDescriptions.SELECTOR) String selector);
}
