package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.management.AdaptiveBulkheadMXBean;
import dev.fusebox.ft.management.HedgeMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.RateLimitMXBean;
import dev.fusebox.ft.management.RetryBudgetMXBean;
import dev.fusebox.ft.management.RetryMXBean;
import dev.fusebox.ft.management.TimeoutMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The MXBeans of one guarded method that emit no notifications, one per policy it has: rate limit,
 * retry budget, retry, timeout, adaptive bulkhead, hedge. (The breaker and the bulkhead, which
 * notify, are made by {@link ApplicationManagement} itself.) Stateless; thread-safe.
 */
final class PlainMBeans {

    /** One MXBean: its {@code type} key and what makes a new instance of it for a server. */
    record Entry(String type, Supplier<Object> factory) {
    }

    private PlainMBeans() {
    }

    static List<Entry> of(Guarded method, OperatorActions actions) {
        MethodEngines engines = method.method();
        List<Entry> mbeans = new ArrayList<>();
        if (engines.rateLimit() != null) {
            ManagedRateLimit limit = new ManagedRateLimit(method, actions);
            mbeans.add(new Entry(ManagementNames.RATE_LIMIT, () -> new DescribedMBean<>(limit, RateLimitMXBean.class)));
        }
        if (engines.retryBudget() != null) {
            ManagedRetryBudget budget = new ManagedRetryBudget(method);
            mbeans.add(new Entry(ManagementNames.RETRY_BUDGET, () -> new DescribedMBean<>(budget, RetryBudgetMXBean.class)));
        }
        if (engines.policy().retry() != null) {
            ManagedRetry retry = new ManagedRetry(method, actions);
            mbeans.add(new Entry(ManagementNames.RETRY, () -> new DescribedMBean<>(retry, RetryMXBean.class)));
        }
        if (engines.policy().timeoutNanos() > 0) {
            ManagedTimeout timeout = new ManagedTimeout(method, actions);
            mbeans.add(new Entry(ManagementNames.TIMEOUT, () -> new DescribedMBean<>(timeout, TimeoutMXBean.class)));
        }
        if (engines.adaptiveLimit() != null) {
            ManagedAdaptiveBulkhead adaptive = new ManagedAdaptiveBulkhead(method);
            mbeans.add(new Entry(ManagementNames.ADAPTIVE_BULKHEAD,
                    () -> new DescribedMBean<>(adaptive, AdaptiveBulkheadMXBean.class)));
        }
        if (engines.hedge() != null) {
            ManagedHedge hedge = new ManagedHedge(method);
            mbeans.add(new Entry(ManagementNames.HEDGE, () -> new DescribedMBean<>(hedge, HedgeMXBean.class)));
        }
        return mbeans;
    }
}
