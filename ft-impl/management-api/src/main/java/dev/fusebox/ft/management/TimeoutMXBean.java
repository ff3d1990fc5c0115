package dev.fusebox.ft.management;

/**
 * One timeout policy, under {@code dev.fusebox.ft:type=Timeout,...}.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
public interface TimeoutMXBean {

    String getName();

    long getTimeoutMillis();

    long getTimedOut();

    long getInTime();

    /** Changes {@code value} (milliseconds) at run time and keeps it in the operator overrides file. */
    ActionResult configure(String parameter, String value, String reason);
}
