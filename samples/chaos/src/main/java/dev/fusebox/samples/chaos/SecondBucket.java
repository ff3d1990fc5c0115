package dev.fusebox.samples.chaos;

import dev.fusebox.samples.chaos.analysis.SecondStats;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The requests due in one second of the load: how many were sent, how each ended, and a latency
 * histogram (microseconds, two significant digits: 1 % resolution, about 10 KB a second).
 * Thread-safe: the load's sender and the HTTP client's threads record into it, the runner reads
 * snapshots; every access holds the bucket's lock (a few dozen records a second, no contention).
 */
final class SecondBucket {

    /** Latencies above this are recorded as this (a request times out well before). */
    static final long HIGHEST_MICROS = 120_000_000L;

    private final int second;
    private final IntCountsHistogram latencies = new IntCountsHistogram(HIGHEST_MICROS, 2);
    private final Map<String, Integer> failures = new HashMap<>();
    private int sent;
    private int answered;
    private int ok;
    private int degraded;

    SecondBucket(int second) {
        this.second = second;
    }

    synchronized void sent() {
        sent++;
    }

    /**
     * One request ended.
     *
     * @param latencyNanos from when it was due to its end
     * @param failure null for a 2xx answer, else its status ({@code "503"}) or what failed ({@code "timeout"})
     * @param fallback whether a 2xx answer came from a fallback
     */
    synchronized void ended(long latencyNanos, String failure, boolean fallback) {
        answered++;
        latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
        if (failure == null) {
            ok++;
            if (fallback) {
                degraded++;
            }
        } else {
            failures.merge(failure, 1, Integer::sum);
        }
    }

    /** Whether every request sent in this second has ended. */
    synchronized boolean idle() {
        return answered == sent;
    }

    synchronized SecondStats snapshot() {
        boolean any = latencies.getTotalCount() > 0;
        return new SecondStats(second, sent, answered, ok, degraded,
                any ? latencies.getValueAtPercentile(50) / 1000.0 : 0,
                any ? latencies.getValueAtPercentile(99) / 1000.0 : 0,
                any ? latencies.getMaxValue() / 1000.0 : 0, failures);
    }
}
