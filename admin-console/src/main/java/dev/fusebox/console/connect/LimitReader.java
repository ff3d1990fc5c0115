package dev.fusebox.console.connect;

import dev.fusebox.console.feed.AdaptiveLimitReading;
import dev.fusebox.console.feed.HedgeReading;
import dev.fusebox.console.feed.RateLimitReading;
import dev.fusebox.console.feed.RetryBudgetReading;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Reads the policies that send no notifications, at each poll, subscribing to nothing: rate limits,
 * retry budgets, adaptive bulkheads (with their recent windows, at most
 * {@link AdaptiveLimitReading#MAX_HISTORY} of them) and hedges. One round trip per MBean.
 *
 * <p>Thread-safety: not thread-safe; confined to the connection's worker thread.
 */
final class LimitReader {

    private static final String[] RATE_LIMIT_ATTRIBUTES = {"Type", "Limit", "WindowMillis", "MinSpacingMillis",
            "Permitted", "Rejected", "WouldReject", "Shadow"};
    private static final String[] RETRY_BUDGET_ATTRIBUTES = {"Group", "Ratio", "TtlMillis", "MinRetriesPerSecond",
            "Balance", "Granted", "Refused"};
    private static final String[] ADAPTIVE_ATTRIBUTES = {"Algorithm", "Limit", "MinLimit", "MaxLimit", "Running",
            "LiveReserve", "Priority", "WindowMillis", "RejectedLive", "RejectedBatch", "History"};
    private static final String[] HEDGE_ATTRIBUTES = {"DelayMillis", "Percentile", "MaxHedges", "HedgesStarted",
            "HedgesWon", "HedgesRefused"};

    private final MBeanAttributes mbeans;

    LimitReader(MBeanAttributes mbeans) {
        this.mbeans = mbeans;
    }

    List<RateLimitReading> rateLimits() throws IOException {
        List<RateLimitReading> list = new ArrayList<>();
        for (ObjectName name : mbeans.names(ManagementNames.RATE_LIMIT)) {
            Map<String, Object> a = mbeans.read(name, RATE_LIMIT_ATTRIBUTES);
            if (a != null) {
                list.add(new RateLimitReading(mbeans.key(name), OpenData.string(a, "Type"), OpenData.intValue(a, "Limit"),
                        OpenData.longValue(a, "WindowMillis"), OpenData.longValue(a, "MinSpacingMillis"),
                        OpenData.longValue(a, "Permitted"), OpenData.longValue(a, "Rejected"),
                        OpenData.longValue(a, "WouldReject"), OpenData.booleanValue(a, "Shadow")));
            }
        }
        return list;
    }

    List<RetryBudgetReading> retryBudgets() throws IOException {
        List<RetryBudgetReading> list = new ArrayList<>();
        for (ObjectName name : mbeans.names(ManagementNames.RETRY_BUDGET)) {
            Map<String, Object> a = mbeans.read(name, RETRY_BUDGET_ATTRIBUTES);
            if (a != null) {
                list.add(new RetryBudgetReading(mbeans.key(name), OpenData.string(a, "Group"),
                        OpenData.doubleValue(a, "Ratio"), OpenData.longValue(a, "TtlMillis"),
                        OpenData.intValue(a, "MinRetriesPerSecond"), OpenData.longValue(a, "Balance"),
                        OpenData.longValue(a, "Granted"), OpenData.longValue(a, "Refused")));
            }
        }
        return list;
    }

    List<AdaptiveLimitReading> adaptiveLimits() throws IOException {
        List<AdaptiveLimitReading> list = new ArrayList<>();
        for (ObjectName name : mbeans.names(ManagementNames.ADAPTIVE_BULKHEAD)) {
            Map<String, Object> a = mbeans.read(name, ADAPTIVE_ATTRIBUTES);
            if (a != null) {
                list.add(new AdaptiveLimitReading(mbeans.key(name), OpenData.string(a, "Algorithm"),
                        OpenData.intValue(a, "Limit"), OpenData.intValue(a, "MinLimit"),
                        OpenData.intValue(a, "MaxLimit"), OpenData.intValue(a, "Running"),
                        OpenData.doubleValue(a, "LiveReserve"), OpenData.string(a, "Priority"),
                        OpenData.longValue(a, "WindowMillis"), OpenData.longValue(a, "RejectedLive"),
                        OpenData.longValue(a, "RejectedBatch"),
                        OpenData.limitWindows(a.get("History"), AdaptiveLimitReading.MAX_HISTORY)));
            }
        }
        return list;
    }

    List<HedgeReading> hedges() throws IOException {
        List<HedgeReading> list = new ArrayList<>();
        for (ObjectName name : mbeans.names(ManagementNames.HEDGE)) {
            Map<String, Object> a = mbeans.read(name, HEDGE_ATTRIBUTES);
            if (a != null) {
                list.add(new HedgeReading(mbeans.key(name), OpenData.doubleValue(a, "DelayMillis"),
                        OpenData.doubleValue(a, "Percentile"), OpenData.intValue(a, "MaxHedges"),
                        OpenData.longValue(a, "HedgesStarted"), OpenData.longValue(a, "HedgesWon"),
                        OpenData.longValue(a, "HedgesRefused")));
            }
        }
        return list;
    }
}
