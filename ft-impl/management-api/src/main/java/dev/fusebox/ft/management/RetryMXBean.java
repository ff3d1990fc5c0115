package dev.fusebox.ft.management;

/**
 * One retry policy, under {@code dev.fusebox.ft:type=Retry,...}.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
@Description("The retry policy of one guarded method: its settings and what its calls ended in")
public interface RetryMXBean {

    @Description("The guarded method: <bean class>#<method>")
    String getName();

    @Description("The settings in force: maxRetries, delay, maxDuration, jitter")
    RetrySettings getConfiguration();

    /** Attempts after the first, in all calls since start. */
    @Description("Attempts after the first, in all calls since start")
    long getRetries();

    @Description("Calls that succeeded at the first attempt, since start")
    long getSucceededNotRetried();

    @Description("Calls that succeeded after one or more retries, since start")
    long getSucceededRetried();

    /** Calls that failed after the policy gave up or did not retry their exception. */
    @Description("Calls that failed after the policy gave up or did not retry their exception, since start")
    long getFailed();

    /**
     * Changes {@code maxRetries}, {@code delay}, {@code maxDuration} or {@code jitter} (milliseconds)
     * at run time and keeps it in the operator overrides file.
     */
    @Description("Changes maxRetries, delay, maxDuration or jitter now and keeps it in the overrides file")
    ActionResult configure(
            @Description("maxRetries, delay, maxDuration or jitter (times in milliseconds)") String parameter,
            @Description("The new value: a count for maxRetries, milliseconds for the others") String value,
            @Description(ParameterDescriptions.CHANGE_REASON) String reason);
}
