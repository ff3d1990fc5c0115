package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.Transition;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeChangeNotification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * The {@code State} notifications of one breaker, coalesced: at most one per
 * {@link CircuitBreakerMXBean#NOTIFICATION_INTERVAL_MILLIS}. A transition that comes sooner is held
 * as pending (a later one replaces it) and sent by the management thread when the interval is
 * over, so a burst ends with a notification of the latest state and none is lost at its end. The
 * old value of a notification is the new value of the one before it.
 *
 * <p>Thread-safety: transitions arrive on callers' threads and flushes on the management thread;
 * the little state here is guarded by {@code this}. Notifications are handed to the broadcaster
 * outside the lock; it delivers them on the management thread.
 */
final class StateNotifications {

    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(CircuitBreakerMXBean.NOTIFICATION_INTERVAL_MILLIS);

    private final ObjectName source;
    private final NotificationBroadcasterSupport broadcaster;
    private final ScheduledExecutorService timer;
    private final AtomicLong sequence;

    private String announcedState;
    private long lastSentNanos;
    private boolean sentAny;
    private Transition pending;
    private boolean flushScheduled;

    StateNotifications(ObjectName source, NotificationBroadcasterSupport broadcaster, ScheduledExecutorService timer,
                       AtomicLong sequence, String initialState) {
        this.source = source;
        this.broadcaster = broadcaster;
        this.timer = timer;
        this.sequence = sequence;
        this.announcedState = initialState;
    }

    void on(Transition transition) {
        AttributeChangeNotification now = null;
        long delay = 0;
        boolean scheduleFlush = false;
        synchronized (this) {
            long at = System.nanoTime();
            if (pending == null && !flushScheduled && (!sentAny || at - lastSentNanos >= INTERVAL_NANOS)) {
                now = notification(transition, at);
            } else {
                if (pending == null || transition.atNanos() - pending.atNanos() >= 0) {
                    pending = transition;
                }
                if (!flushScheduled) {
                    flushScheduled = true;
                    scheduleFlush = true;
                    delay = Math.max(0, INTERVAL_NANOS - (at - lastSentNanos));
                }
            }
        }
        if (now != null) {
            send(now);
        } else if (scheduleFlush) {
            schedule(delay);
        }
    }

    private void schedule(long delayNanos) {
        try {
            timer.schedule(this::flush, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            synchronized (this) {
                flushScheduled = false; // management is shutting down: nobody is left to tell
            }
        }
    }

    /** Sends the pending notification, if any; runs on the management thread. */
    void flush() {
        AttributeChangeNotification due;
        synchronized (this) {
            flushScheduled = false;
            if (pending == null) {
                return;
            }
            due = notification(pending, System.nanoTime());
            pending = null;
        }
        send(due);
    }

    private void send(AttributeChangeNotification notification) {
        try {
            broadcaster.sendNotification(notification);
        } catch (RejectedExecutionException stopped) {
            // management is shutting down: the listeners are going away with the MXBean
        }
    }

    /** Builds the notification of {@code transition} and remembers it as sent; holds the lock. */
    private AttributeChangeNotification notification(Transition transition, long at) {
        String previous = announcedState;
        announcedState = transition.to().name();
        lastSentNanos = at;
        sentAny = true;
        AttributeChangeNotification notification = new AttributeChangeNotification(source, sequence.incrementAndGet(),
                System.currentTimeMillis(), transition.cause(), "State", String.class.getName(), previous,
                transition.to().name());
        notification.setUserData(transition.forced() == null ? null : transition.forced().by());
        return notification;
    }
}
