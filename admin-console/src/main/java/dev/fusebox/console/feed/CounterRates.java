package dev.fusebox.console.feed;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Turns successive readings of three monotonic counters (calls, failures, rejections) into rates and
 * keeps the rates of the last {@code span} milliseconds for charts.
 *
 * <p>A rate is the counter's increase over the time between two readings. A counter that went down
 * means the application restarted (or its breaker was recreated): the history restarts and the first
 * reading after it yields no rate.
 *
 * <p>Thread-safety: not thread-safe; {@link FleetFeed} calls it under its lock.
 */
final class CounterRates {

    private final long spanMillis;
    private final ArrayDeque<RatePoint> history = new ArrayDeque<>();
    private boolean primed;
    private long lastAt;
    private long lastCalls;
    private long lastFailures;
    private long lastRejections;
    private RatePoint latest;

    CounterRates(long spanMillis) {
        this.spanMillis = spanMillis;
    }

    /** Records a reading taken at {@code atMillis}; readings not later than the previous one are ignored. */
    void record(long atMillis, long calls, long failures, long rejections) {
        if (primed && atMillis <= lastAt) {
            return;
        }
        boolean restarted = primed && (calls < lastCalls || failures < lastFailures || rejections < lastRejections);
        if (restarted) {
            history.clear();
            latest = null;
        } else if (primed) {
            double seconds = (atMillis - lastAt) / 1000.0;
            latest = new RatePoint(atMillis, (calls - lastCalls) / seconds, (failures - lastFailures) / seconds,
                    (rejections - lastRejections) / seconds);
            history.addLast(latest);
        }
        primed = true;
        lastAt = atMillis;
        lastCalls = calls;
        lastFailures = failures;
        lastRejections = rejections;
        trim(atMillis);
    }

    private void trim(long nowMillis) {
        while (!history.isEmpty() && history.peekFirst().atMillis() < nowMillis - spanMillis) {
            history.removeFirst();
        }
    }

    /** The rates between the last two readings, or zeros before there are two. */
    RatePoint latest() {
        return latest != null ? latest : RatePoint.zero(lastAt);
    }

    /** Rates of the last {@code span}, oldest first. */
    List<RatePoint> history() {
        return List.copyOf(history);
    }
}
