package dev.fusebox.ft.management;

/**
 * One rate limit ({@code @RateLimit}, Fusebox's own annotation), under
 * {@code dev.fusebox.ft:type=RateLimit,...}. Thread-safety: implementations are called by JMX from
 * any thread, concurrently, and must be thread-safe.
 */
@Description("The rate limit of one guarded method: how many calls per window, and what it admitted and refused")
public interface RateLimitMXBean {

    @Description("The guarded method: <bean class>#<method>")
    String getName();

    @Description("How the window is measured: FIXED, ROLLING or SMOOTH")
    String getType();

    @Description("Calls admitted per window (@RateLimit value)")
    int getLimit();

    @Description("The window's length in milliseconds")
    long getWindowMillis();

    @Description("The least time between two admitted calls in milliseconds; 0 for none")
    long getMinSpacingMillis();

    @Description("Calls admitted since start (in shadow mode, those the limit admitted)")
    long getPermitted();

    @Description("Calls refused with RateLimitException since start")
    long getRejected();

    @Description("Calls the limit would have refused while in shadow mode, and let through, since start")
    long getWouldReject();

    @Description("True in shadow mode: the limit counts what it would refuse and refuses nothing")
    boolean isShadow();

    /**
     * Switches shadow mode on ({@code shadow}, {@code true}) or off ({@code false}) now and keeps it
     * in the operator overrides file. The limit's value, window, type and spacing change only with a
     * restart.
     */
    @Description("Switches shadow mode (parameter shadow, value true or false) now and keeps it in the overrides file")
    ActionResult configure(
            @Description("shadow") String parameter,
            @Description("true (count, refuse nothing) or false (enforce)") String value,
            @Description(ParameterDescriptions.CHANGE_REASON) String reason);
}
