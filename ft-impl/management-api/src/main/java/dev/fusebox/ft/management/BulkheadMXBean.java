package dev.fusebox.ft.management;

/**
 * One bulkhead, under {@code dev.fusebox.ft:type=Bulkhead,...}. Emits an
 * {@link javax.management.AttributeChangeNotification} for attribute {@code Saturated} when the
 * bulkhead becomes saturated (every slot taken, and for an asynchronous method every queue place)
 * and when it stops being so, sampled a few times a second (nothing is added to the calls' path).
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
public interface BulkheadMXBean {

    String getName();

    /** Calls that may run at once. */
    int getLimit();

    /** Queue places of an asynchronous method; 0 for a synchronous one. */
    int getQueueSize();

    int getRunning();

    int getWaiting();

    /** Calls admitted (ran or queued) since start. */
    long getAccepted();

    /** Calls refused because the bulkhead was full since start. */
    long getRejected();

    boolean isSaturated();

    /**
     * Changes {@code value} (concurrent calls) or {@code waitingTaskQueue} at run time and keeps it in
     * the operator overrides file. Running and queued calls are not disturbed.
     */
    ActionResult configure(String parameter, String value, String reason);
}
