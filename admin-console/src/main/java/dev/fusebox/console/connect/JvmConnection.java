package dev.fusebox.console.connect;

import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.FeedSink;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.ShadowTarget;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.InjectorOutcome;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongSupplier;
import javax.management.AttributeChangeNotification;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;

/**
 * One JVM of the fleet, over time: connects, keeps a {@link JvmSession} while connected and polls it,
 * hands the connector's notifications over to it, passes actions on to it, and reconnects after a
 * {@link ReconnectBackoff} when the connection is lost (an {@link IOException} from the session, or
 * its {@link JvmSession#brokenBy()} after an action). Calls go one way: this class calls the
 * session, the {@link JvmWorker}, the backoff and the {@link LoginPermission}; none of them calls
 * back (the session runs the actions through {@link BreakerActions}, which only answers).
 *
 * <p>Thread-safety: all JMX work and every field not marked otherwise belong to this connection's
 * single worker thread (owned by the console, one per JVM, so a hung JVM stalls nobody else); the
 * package-private entry points only hand work to it. JMX notifications arrive on the connector's
 * thread and are handed over too; a generation number (volatile) tells an old connector's callbacks
 * from the current one's. {@link #close} may run on any thread (the volatile {@code closed}). The
 * stall check ({@link #checkStall}) runs on the fleet's watchdog thread and shares only the
 * thread-safe {@link HungCallDetector}.
 */
public final class JvmConnection {

    private static final System.Logger LOG = System.getLogger(JvmConnection.class.getName());

    private final String jvm;
    private final ConnectionProfile profile;
    private final char[] password;
    private final FeedSink sink;
    private final ConsoleSettings settings;
    private final JvmWorker worker;
    private final LongSupplier clock;
    private final NotificationListener mbeanListener = this::onMBeanNotification;
    private final NotificationListener registrationListener = this::onRegistration;
    private final HungCallDetector hungCalls;
    private final ReconnectBackoff backoff;
    private final LoginPermission permission;

    /** The open connection, or null between a loss and the next successful connect. */
    private JvmSession session;
    private volatile int generation;
    private ScheduledFuture<?> pending;
    private volatile boolean closed;

    JvmConnection(String jvm, ConnectionProfile profile, char[] password, FeedSink sink, ConsoleSettings settings,
                  ScheduledExecutorService worker, LongSupplier clock) {
        this.jvm = jvm;
        this.profile = profile;
        this.password = password == null ? new char[0] : password.clone();
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
        this.hungCalls = new HungCallDetector(jvm, sink, settings.stallAfter().toMillis(), clock);
        this.worker = new JvmWorker(jvm, worker, hungCalls);
        this.backoff = new ReconnectBackoff(settings);
        this.permission = new LoginPermission(jvm, sink);
    }

    public String jvm() {
        return jvm;
    }

    void start() {
        worker.submit(this::connect);
    }

    /** Drops the current connection (if any) and tries again now. */
    void reconnectNow() {
        worker.submit(() -> {
            dropSession();
            backoff.reset();
            connect();
        });
    }

    /**
     * Closes the connection for good and stops the worker. The future completes once the worker has
     * dropped the connector; nothing reaches the sink after that.
     */
    CompletableFuture<Void> close() {
        closed = true;
        return worker.stopAfter(this::dropSession);
    }

    /** Called by the fleet's watchdog: shows the JVM as not answering while a call hangs. */
    void checkStall(long nowMillis) {
        if (!closed) {
            hungCalls.check(nowMillis);
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        cancelPending();
        sink.connectionChanged(jvm, backoff.attempting());
        JMXConnector c = null;
        try {
            c = JmxConnect.open(profile, password);
            int gen = ++generation;
            c.addConnectionNotificationListener((n, hb) -> onConnectionNotification(gen, n), null, null);
            session = new JvmSession(jvm, c, mbeanListener, registrationListener, sink, clock, hungCalls,
                    permission);
            backoff.reset();
            sink.connectionChanged(jvm, ConnectionState.connected());
            permission.probed(RoleProbe.probe(session.server(), profile.declaredRole()));
            session.poll();
            pending = worker.every(settings.pollInterval().toMillis(), () -> pollIf(gen));
        } catch (SecurityException e) {
            session = null;
            JmxConnect.closeInBackground(jvm, c);
            sink.connectionChanged(jvm, ConnectionState.disconnected("login refused: " + e.getMessage()
                    + " (fix the profile and connect again)"));
        } catch (IOException | InstanceNotFoundException | RuntimeException e) {
            session = null;
            JmxConnect.closeInBackground(jvm, c);
            retryLater(JmxConnect.describe(e));
        }
    }

    private void onConnectionNotification(int gen, Notification n) {
        String type = n.getType();
        if (JMXConnectionNotification.FAILED.equals(type) || JMXConnectionNotification.CLOSED.equals(type)) {
            worker.submit(() -> lost(gen, "connection " + type.substring(type.lastIndexOf('.') + 1)));
        } else if (JMXConnectionNotification.NOTIFS_LOST.equals(type)) {
            worker.submit(() -> pollIf(gen));
        }
    }

    private void pollIf(int gen) {
        if (gen == generation && session != null && !closed) {
            try {
                session.poll();
            } catch (IOException e) {
                lost(gen, JmxConnect.describe(e));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, jvm + ": poll failed; will try again", e);
            }
        }
    }

    private void lost(int gen, String reason) {
        if (gen != generation || session == null || closed) {
            return;
        }
        dropSession();
        retryLater(reason);
    }

    private void retryLater(String reason) {
        if (!closed) {
            countDown(backoff.failed(reason, clock.getAsLong()));
        }
    }

    /** Publishes "RECONNECTING in n s" every second until {@code retryAt}, then connects. */
    private void countDown(long retryAt) {
        if (closed) {
            return;
        }
        long remaining = retryAt - clock.getAsLong();
        if (remaining <= 0) {
            connect();
            return;
        }
        sink.connectionChanged(jvm, backoff.waiting(remaining));
        long next = remaining % 1000 == 0 ? 1000 : remaining % 1000;
        pending = worker.after(next, () -> countDown(retryAt));
    }

    private void dropSession() {
        cancelPending();
        generation++;
        JMXConnector c = session == null ? null : session.connector();
        session = null;
        JmxConnect.closeInBackground(jvm, c);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** On the connector's thread: a breaker's or bulkhead's attribute changed; handled on the worker. */
    private void onMBeanNotification(Notification n, Object handback) {
        if (n instanceof AttributeChangeNotification change && handback instanceof ObjectName name) {
            int gen = generation;
            worker.submit(() -> {
                if (gen == generation && session != null) {
                    try {
                        session.attributeChanged(name, change);
                    } catch (IOException e) {
                        lost(generation, JmxConnect.describe(e));
                    }
                }
            });
        }
    }

    /** On the connector's thread: an MBean of Fusebox's domain came or went (a redeploy): read again now. */
    private void onRegistration(Notification n, Object handback) {
        if (n instanceof MBeanServerNotification registration
                && ManagementNames.DOMAIN.equals(registration.getMBeanName().getDomain())) {
            int gen = generation;
            worker.submit(() -> {
                if (gen == generation && session != null) {
                    session.forget(registration.getMBeanName());
                    pollIf(gen);
                }
            });
        }
    }

    CompletableFuture<List<ActionOutcome>> perform(Action action, List<MethodKey> targets, String reason,
                                                   String expiry) {
        return worker.call(() -> session == null
                ? targets.stream().map(k -> ActionOutcome.failed(jvm, k.name(), action, "not connected")).toList()
                : afterAction(session.act(action, targets, reason, expiry)),
                targets.stream().map(k -> ActionOutcome.failed(jvm, k.name(), action, "connection closed")).toList());
    }

    CompletableFuture<List<ActionOutcome>> performOnGroup(Action action, String group, String reason,
                                                          String expiry) {
        return worker.call(() -> session == null ? List.of() : afterAction(session.actOnGroup(action, group, reason,
                expiry)), List.of(ActionOutcome.failed(jvm, "group:" + group, action, "connection closed")));
    }

    CompletableFuture<List<ActionOutcome>> performShadowSwitch(List<ShadowTarget> targets, boolean shadow,
                                                               String reason) {
        return worker.call(() -> session == null
                ? targets.stream().map(t -> ActionOutcome.failed(jvm, t.describe(), "configure", "not connected"))
                        .toList()
                : afterAction(session.switchShadow(targets, shadow, reason)),
                targets.stream().map(t -> ActionOutcome.failed(jvm, t.describe(), "configure", "connection closed"))
                        .toList());
    }

    /** {@code call} on {@code dependency}'s fault injector; a broken connector counts as lost. */
    CompletableFuture<InjectorOutcome> onFaultInjector(String dependency, FaultInjectorSwitch.Call call) {
        return worker.call(() -> {
            if (session == null) {
                return InjectorOutcome.failed("not connected");
            }
            try {
                return FaultInjectorSwitch.run(session.server(), dependency, call);
            } catch (IOException e) {
                lost(generation, JmxConnect.describe(e));
                return InjectorOutcome.failed(JmxConnect.describe(e));
            }
        }, InjectorOutcome.failed("connection closed"));
    }

    /** The connector failed during the action: lost, as if it had said so itself. */
    private List<ActionOutcome> afterAction(List<ActionOutcome> outcomes) {
        if (session.brokenBy() != null) {
            lost(generation, session.brokenBy());
        }
        return outcomes;
    }
}
