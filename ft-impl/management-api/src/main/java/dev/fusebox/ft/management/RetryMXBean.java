package dev.fusebox.ft.management;

/**
 * One retry policy, under {@code dev.fusebox.ft:type=Retry,...}.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
public interface RetryMXBean {

    String getName();

    RetrySettings getConfiguration();

    /** Attempts after the first, in all calls since start. */
    long getRetries();

    long getSucceededNotRetried();

    long getSucceededRetried();

    /** Calls that failed after the policy gave up or did not retry their exception. */
    long getFailed();

    /**
     * Changes {@code maxRetries}, {@code delay}, {@code maxDuration} or {@code jitter} (milliseconds)
     * at run time and keeps it in the operator overrides file.
     */
    ActionResult configure(String parameter, String value, String reason);
}
