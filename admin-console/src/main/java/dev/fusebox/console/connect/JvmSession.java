package dev.fusebox.console.connect;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.FeedSink;
import dev.fusebox.console.feed.JvmReading;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.ShadowTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.management.AttributeChangeNotification;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerDelegate;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

/**
 * One open connector to one JVM, from a successful connect until it is lost or dropped: polls it
 * (with the audit logs when {@link AuditCadence} says so), turns its breakers' and bulkheads'
 * notifications into feed events, runs actions (breakers, groups, shadow switches) through
 * {@link BreakerActions} and re-reads what
 * they changed. A failure of the connector itself leaves as an {@link IOException}, or, during an
 * action (whose outcomes must still reach the operator), as {@link #brokenBy()}; the owning
 * {@link JvmConnection} decides what a lost connection means. It never calls its owner.
 *
 * <p>Thread-safety: not thread-safe; created and used on its connection's worker thread only. The
 * listeners it subscribes are the connection's, which hand every notification over to that worker.
 */
final class JvmSession {

    private static final System.Logger LOG = System.getLogger(JvmSession.class.getName());

    private final String jvm;
    private final JMXConnector connector;
    private final JvmReader reader;
    private final FeedSink sink;
    private final LongSupplier clock;
    private final HungCallDetector hungCalls;
    private final LoginPermission permission;
    private final AuditCadence auditCadence = new AuditCadence(AuditCadence.EVERY_MILLIS);
    /** Why the connector failed during an action, or null while it works. */
    private String brokenBy;

    /**
     * Subscribes {@code registrations} to the MBean server delegate; {@code mbeanNotifications} is
     * subscribed to each breaker and bulkhead as the polls find them (handback: its ObjectName).
     */
    JvmSession(String jvm, JMXConnector connector, NotificationListener mbeanNotifications,
               NotificationListener registrations, FeedSink sink, LongSupplier clock, HungCallDetector hungCalls,
               LoginPermission permission) throws IOException, InstanceNotFoundException {
        this.jvm = jvm;
        this.connector = connector;
        this.sink = sink;
        this.clock = clock;
        this.hungCalls = hungCalls;
        this.permission = permission;
        this.reader = new JvmReader(jvm, connector.getMBeanServerConnection(), mbeanNotifications);
        reader.server().addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, registrations, null, null);
    }

    JMXConnector connector() {
        return connector;
    }

    MBeanServerConnection server() {
        return reader.server();
    }

    /** Reads everything and publishes it; the call counts for the hung-call detector. */
    void poll() throws IOException {
        hungCalls.callStarted();
        try {
            long startedAt = clock.getAsLong();
            boolean withAuditLogs = auditCadence.due(startedAt);
            JvmReading reading = reader.readAll(startedAt, withAuditLogs);
            if (withAuditLogs) {
                auditCadence.read(startedAt);
            }
            sink.polled(reading);
        } finally {
            hungCalls.callEnded();
        }
    }

    /**
     * {@code action} on each breaker of {@code targets}, each followed by a re-read so the table shows
     * its effect at once. Once the connector has failed, the rest are "not connected".
     */
    List<ActionOutcome> act(Action action, List<MethodKey> targets, String reason, String expiry) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (MethodKey key : targets) {
            outcomes.addAll(brokenBy != null ? List.of(ActionOutcome.failed(jvm, key.name(), action, "not connected"))
                    : act(action, key, reason, expiry));
        }
        return outcomes;
    }

    private List<ActionOutcome> act(Action action, MethodKey key, String reason, String expiry) {
        auditCadence.somethingHappened();
        BreakerActions.Attempt attempt = BreakerActions.onBreaker(jvm, server(), action, key.name(),
                reader.breakerName(key), reason, expiry);
        if (attempt.answered()) {
            try {
                reread(key);
            } catch (IOException e) {
                brokenBy = JmxConnect.describe(e);
            } catch (RuntimeException e) {
                attempt = BreakerActions.failure(jvm, action, key.name(), e);
            }
        }
        return settle(action, attempt);
    }

    /**
     * {@code action} on the group through each registry that defines it, each followed by a poll (it
     * may have changed many breakers). Once the connector has failed, the rest are "not connected".
     */
    List<ActionOutcome> actOnGroup(Action action, String group, String reason, String expiry) {
        String selector = "group:" + group;
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (ObjectName registry : reader.registriesWithGroup(group)) {
            outcomes.addAll(brokenBy != null ? List.of(ActionOutcome.failed(jvm, selector, action, "not connected"))
                    : actOnGroup(action, registry, selector, reason, expiry));
        }
        return outcomes;
    }

    private List<ActionOutcome> actOnGroup(Action action, ObjectName registry, String selector, String reason,
                                           String expiry) {
        auditCadence.somethingHappened();
        BreakerActions.Attempt attempt = BreakerActions.onGroup(jvm, server(), action, registry, selector,
                reason, expiry);
        if (attempt.answered()) {
            try {
                poll();
            } catch (IOException e) {
                brokenBy = JmxConnect.describe(e);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, jvm + ": poll failed; will try again", e);
            }
        }
        return settle(action, attempt);
    }

    /**
     * Shadow mode on or off for each of {@code targets}, then one poll so the screen shows the new
     * modes at once. Once the connector has failed, the rest are "not connected".
     */
    List<ActionOutcome> switchShadow(List<ShadowTarget> targets, boolean shadow, String reason) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        boolean answered = false;
        for (ShadowTarget target : targets) {
            if (brokenBy != null) {
                outcomes.add(ActionOutcome.failed(jvm, target.describe(), BreakerActions.CONFIGURE, "not connected"));
                continue;
            }
            auditCadence.somethingHappened();
            BreakerActions.Attempt attempt = BreakerActions.onShadow(jvm, server(), target, shadow, reason);
            answered |= attempt.answered();
            outcomes.addAll(settle(BreakerActions.CONFIGURE, attempt));
        }
        if (answered && brokenBy == null) {
            try {
                poll();
            } catch (IOException e) {
                brokenBy = JmxConnect.describe(e);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, jvm + ": poll failed; will try again", e);
            }
        }
        return outcomes;
    }

    private List<ActionOutcome> settle(Action action, BreakerActions.Attempt attempt) {
        return settle(action.operation(), attempt);
    }

    private List<ActionOutcome> settle(String operation, BreakerActions.Attempt attempt) {
        if (attempt.refusal() != null) {
            permission.refused(operation, attempt.refusal());
        }
        return attempt.outcomes();
    }

    /** Why the connector failed during an action (then this session is done), or null. */
    String brokenBy() {
        return brokenBy;
    }

    /** A breaker's {@code State} or a bulkhead's {@code Saturated} changed on the MBean {@code name}. */
    void attributeChanged(ObjectName name, AttributeChangeNotification change) throws IOException {
        MethodKey breaker = reader.breakerKey(name);
        MethodKey bulkhead = reader.bulkheadKey(name);
        if ("State".equals(change.getAttributeName()) && breaker != null) {
            sink.stateNotified(breaker, String.valueOf(change.getNewValue()), change.getMessage(),
                    change.getTimeStamp());
            auditCadence.somethingHappened();
            reread(breaker);
        } else if ("Saturated".equals(change.getAttributeName()) && bulkhead != null) {
            sink.saturationNotified(bulkhead, Boolean.TRUE.equals(change.getNewValue()), change.getTimeStamp());
        }
    }

    /** The MBean {@code name} was registered anew or went away: subscribe afresh on the next poll. */
    void forget(ObjectName name) {
        reader.forget(name);
    }

    /** Re-reads one breaker so the table shows the effect of an action or notification at once. */
    void reread(MethodKey key) throws IOException {
        BreakerReading r = reader.reread(key);
        if (r != null) {
            sink.breakerRead(r, clock.getAsLong());
        }
    }

    /** The breaker's MBean, or null when this JVM has no such breaker (any more). */
    ObjectName breakerName(MethodKey key) {
        return reader.breakerName(key);
    }
}
