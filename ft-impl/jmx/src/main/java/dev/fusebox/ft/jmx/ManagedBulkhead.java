package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.BulkheadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeChangeNotification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * The {@link BulkheadMXBean} of one guarded method, synchronous or asynchronous. Saturation is
 * found by {@link #sample}, which the management thread calls a few times a second; a change is
 * announced as an {@code AttributeChangeNotification} of {@code Saturated}. Thread-safe
 * ({@code lastSaturated} is touched by the management thread only).
 */
final class ManagedBulkhead implements BulkheadMXBean {

    private final Guarded guarded;
    private final OperatorActions actions;
    private ObjectName source;
    private NotificationBroadcasterSupport broadcaster;
    private AtomicLong sequence;
    private boolean lastSaturated;

    ManagedBulkhead(Guarded guarded, OperatorActions actions) {
        this.guarded = guarded;
        this.actions = actions;
    }

    /** Where {@link #sample} sends its notifications; called once before sampling starts. */
    void announceTo(ObjectName name, NotificationBroadcasterSupport to, AtomicLong sequenceNumbers) {
        this.source = name;
        this.broadcaster = to;
        this.sequence = sequenceNumbers;
    }

    /** Compares saturation with the last sample and announces a change. */
    void sample() {
        boolean saturated = isSaturated();
        if (saturated == lastSaturated) {
            return;
        }
        lastSaturated = saturated;
        String message = saturated
                ? guarded.name() + " is saturated: " + getRunning() + " running of " + getLimit() + ", "
                        + getWaiting() + " waiting of " + getQueueSize()
                : guarded.name() + " has free capacity again";
        AttributeChangeNotification notification = new AttributeChangeNotification(source, sequence.incrementAndGet(),
                System.currentTimeMillis(), message, "Saturated", "boolean", !saturated, saturated);
        broadcaster.sendNotification(notification);
    }

    private Bulkhead sync() {
        return guarded.method().bulkhead();
    }

    private AsyncBulkhead async() {
        return guarded.method().asyncBulkhead();
    }

    @Override
    public String getName() {
        return guarded.name();
    }

    @Override
    public int getLimit() {
        return sync() != null ? sync().limit() : async().limit();
    }

    @Override
    public int getQueueSize() {
        return sync() != null ? 0 : async().queueSize();
    }

    @Override
    public int getRunning() {
        return sync() != null ? sync().running() : async().running();
    }

    @Override
    public int getWaiting() {
        return sync() != null ? 0 : async().waiting();
    }

    @Override
    public long getAccepted() {
        return guarded.method().counters().bulkheadAccepted();
    }

    @Override
    public long getRejected() {
        return guarded.method().counters().bulkheadRejected();
    }

    @Override
    public boolean isShadow() {
        return sync() != null ? sync().isShadow() : async().isShadow();
    }

    @Override
    public long getWouldReject() {
        return sync() != null ? sync().wouldReject() : async().wouldReject();
    }

    @Override
    public boolean isSaturated() {
        if (sync() != null) {
            return sync().running() >= sync().limit();
        }
        AsyncBulkhead bulkhead = async();
        return bulkhead.running() >= bulkhead.limit() && bulkhead.waiting() >= bulkhead.queueSize();
    }

    @Override
    public ActionResult configure(String parameter, String value, String reason) {
        return actions.configure(guarded, "Bulkhead", parameter, value, reason, Principals.ofJmxClient());
    }
}
