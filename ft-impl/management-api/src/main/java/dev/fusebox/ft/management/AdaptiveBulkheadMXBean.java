package dev.fusebox.ft.management;

import java.util.List;

/**
 * One adaptive bulkhead ({@code @AdaptiveBulkhead}, Fusebox's own annotation), under
 * {@code dev.fusebox.ft:type=AdaptiveBulkhead,...}: the limit it found, the calls it holds, what it
 * refused, and its recent windows. Read only: its parameters change only with a restart.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
@Description("The adaptive bulkhead of one guarded method: the concurrency limit it found from latency, and what it refused")
public interface AdaptiveBulkheadMXBean {

    @Description("The guarded method: <bean class>#<method>")
    String getName();

    @Description("How the limit moves after each window: AIMD or GRADIENT")
    String getAlgorithm();

    @Description("The limit now: calls that may run at once")
    int getLimit();

    @Description("The least the limit falls to")
    int getMinLimit();

    @Description("The most the limit grows to")
    int getMaxLimit();

    @Description("Calls holding a place now")
    int getRunning();

    @Description("The share of the limit only live calls may use, from 0 to 0.9")
    double getLiveReserve();

    @Description("The priority of the method's calls unless a call gives its own: LIVE or BATCH")
    String getPriority();

    @Description("How long a sampling window lasts at least, in milliseconds")
    long getWindowMillis();

    @Description("Live calls refused since start")
    long getRejectedLive();

    @Description("Batch calls refused since start")
    long getRejectedBatch();

    @Description("The last closed windows, oldest first (at most 120): when, the limit set, calls, mean round trip")
    List<LimitWindow> getHistory();
}
