package dev.fusebox.ft.management;

/**
 * One timeout policy, under {@code dev.fusebox.ft:type=Timeout,...}.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
@Description("The timeout of one guarded method: its limit and how many calls exceeded it")
public interface TimeoutMXBean {

    @Description("The guarded method: <bean class>#<method>")
    String getName();

    @Description("How long a call may run before it fails with TimeoutException, in milliseconds")
    long getTimeoutMillis();

    @Description("Calls that ran out of time, since start")
    long getTimedOut();

    @Description("Calls that finished within the timeout, since start")
    long getInTime();

    /** Changes {@code value} (milliseconds) at run time and keeps it in the operator overrides file. */
    @Description("Changes the timeout now and keeps it in the overrides file")
    ActionResult configure(
            @Description("value (the timeout itself)") String parameter,
            @Description("The new timeout in milliseconds") String value,
            @Description(ParameterDescriptions.CHANGE_REASON) String reason);
}
