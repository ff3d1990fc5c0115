package dev.fusebox.ft.management;

/**
 * One bulkhead, under {@code dev.fusebox.ft:type=Bulkhead,...}. Emits an
 * {@link javax.management.AttributeChangeNotification} for attribute {@code Saturated} when the
 * bulkhead becomes saturated (every slot taken, and for an asynchronous method every queue place)
 * and when it stops being so, sampled a few times a second (nothing is added to the calls' path).
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
@Description("The bulkhead of one guarded method: how many calls may run at once, and how many were refused")
public interface BulkheadMXBean {

    @Description("The guarded method: <bean class>#<method>")
    String getName();

    /** Calls that may run at once. */
    @Description("Calls that may run at once (@Bulkhead value)")
    int getLimit();

    /** Queue places of an asynchronous method; 0 for a synchronous one. */
    @Description("Queue places of an asynchronous method (waitingTaskQueue); 0 for a synchronous one")
    int getQueueSize();

    @Description("Calls running inside the bulkhead now")
    int getRunning();

    @Description("Asynchronous calls waiting in the queue for a slot now")
    int getWaiting();

    /** Calls admitted (ran or queued) since start. */
    @Description("Calls admitted (ran or queued) since start")
    long getAccepted();

    /** Calls refused because the bulkhead was full since start. */
    @Description("Calls refused with BulkheadException because the bulkhead was full, since start")
    long getRejected();

    @Description("True while every slot (and every queue place) is taken, so new calls are refused")
    boolean isSaturated();

    /**
     * In shadow mode a call over the limit runs anyway, without taking a slot or a queue place (so
     * {@link #getRunning()} never exceeds the limit), and is counted in {@link #getWouldReject()}.
     */
    @Description("True in shadow mode: the bulkhead counts the calls it would reject and lets them run")
    boolean isShadow();

    /** Calls the bulkhead would have refused while in shadow mode, and let run. */
    @Description("Calls the bulkhead would have refused while in shadow mode, and let run, since start")
    long getWouldReject();

    /**
     * Changes {@code value} (concurrent calls), {@code waitingTaskQueue} or {@code shadow}
     * ({@code true} or {@code false}) at run time and keeps it in the operator overrides file. Running
     * and queued calls are not disturbed.
     */
    @Description("Changes value, waitingTaskQueue or shadow now and keeps it in the overrides file; running calls are not disturbed")
    ActionResult configure(
            @Description("value (concurrent calls), waitingTaskQueue or shadow (true: count, reject nothing;"
                    + " false: enforce)") String parameter,
            @Description("The new number of calls or queue places, or true/false for shadow") String value,
            @Description(ParameterDescriptions.CHANGE_REASON) String reason);
}
