package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.BulkheadReading;
import dev.fusebox.console.feed.BulkheadSnapshot;

/**
 * A bulkhead as a gauge: how full its slots and queue are. Immutable; the detail replaces its
 * list of gauges on every update.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param name       {@code <bean class>#<method>}
 * @param slotsUsed  running over limit, 0..1
 * @param queueUsed  waiting over queue size, 0..1 (0 for a synchronous method)
 * @param text       e.g. {@code 10/10 running, 3/5 queued, 2.0 rejected/s}, and in shadow mode
 *                   {@code , shadow: 8 would have been rejected}
 * @param saturated  every slot and queue place taken
 * @param sameMethod the bulkhead of the selected breaker's own method
 */
public record BulkheadGauge(String name, double slotsUsed, double queueUsed, String text, boolean saturated,
                            boolean sameMethod) {

    static BulkheadGauge of(BulkheadSnapshot s, boolean sameMethod) {
        BulkheadReading r = s.reading();
        String text = r.running() + "/" + r.limit() + " running"
                + (r.queueSize() > 0 ? ", " + r.waiting() + "/" + r.queueSize() + " queued" : "")
                + ", " + Formats.rate(s.rejectionsPerSecond()) + " rejected" + (r.saturated() ? ", SATURATED" : "")
                + (r.shadow() ? ", shadow: " + r.wouldReject() + " would have been rejected" : "");
        return new BulkheadGauge(r.key().name(), r.limit() == 0 ? 0 : Math.min(1, (double) r.running() / r.limit()),
                r.queueSize() == 0 ? 0 : Math.min(1, (double) r.waiting() / r.queueSize()), text, r.saturated(),
                sameMethod);
    }
}
