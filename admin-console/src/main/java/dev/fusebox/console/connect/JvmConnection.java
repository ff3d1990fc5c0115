package dev.fusebox.console.connect;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.FeedSink;
import dev.fusebox.console.feed.JvmReading;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.management.AttributeChangeNotification;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;

/**
 * One JVM of the fleet: connects, polls, listens, acts and reconnects.
 *
 * <p>Thread-safety: all JMX work and the fields not marked otherwise belong to this connection's
 * single worker thread (owned by the console, one per JVM, so a hung JVM stalls nobody else); the
 * package-private entry points only hand work to it. JMX notifications arrive on the connector's
 * thread and are handed over too; a generation number tells an old connector's callbacks from the
 * current one's. The stall check ({@link #checkStall}) runs on the fleet's watchdog thread and
 * shares only the {@link StallWatch}.
 */
public final class JvmConnection {

    private static final System.Logger LOG = System.getLogger(JvmConnection.class.getName());

    private final String jvm;
    private final ConnectionProfile profile;
    private final char[] password;
    private final FeedSink sink;
    private final ConsoleSettings settings;
    private final ScheduledExecutorService worker;
    private final LongSupplier clock;
    private final NotificationListener mbeanListener = this::onMBeanNotification;
    private final NotificationListener registrationListener = this::onRegistration;
    private final StallWatch stallWatch;
    private final AuditCadence auditCadence = new AuditCadence(AuditCadence.EVERY_MILLIS);

    private JMXConnector connector;
    private JvmReader reader;
    private volatile int generation;
    private int failedAttempts;
    private String lastReason = "";
    private ScheduledFuture<?> pending;
    /** A refusal by the server outlives reconnections: the login does not change. */
    private Permission refusal;
    private volatile boolean closed;

    JvmConnection(String jvm, ConnectionProfile profile, char[] password, FeedSink sink, ConsoleSettings settings,
                  ScheduledExecutorService worker, LongSupplier clock) {
        this.jvm = jvm;
        this.profile = profile;
        this.password = password == null ? new char[0] : password.clone();
        this.sink = sink;
        this.settings = settings;
        this.worker = worker;
        this.clock = clock;
        this.stallWatch = new StallWatch(jvm, sink, settings.stallAfter().toMillis(), clock);
    }

    public String jvm() {
        return jvm;
    }

    public ConnectionProfile profile() {
        return profile;
    }

    void start() {
        submit(this::connect);
    }

    /** Drops the current connection (if any) and tries again now. */
    void reconnectNow() {
        submit(() -> {
            dropConnector();
            failedAttempts = 0;
            connect();
        });
    }

    /**
     * Closes the connection for good and stops the worker. The future completes once the worker has
     * dropped the connector; nothing reaches the sink after that.
     */
    CompletableFuture<Void> close() {
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                dropConnector();
                done.complete(null);
            });
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        worker.shutdown();
        return done;
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: worker stopped, task dropped", jvm);
        }
    }

    // ---- connecting ----

    private void connect() {
        if (closed) {
            return;
        }
        cancelPending();
        sink.connectionChanged(jvm, failedAttempts == 0 ? ConnectionState.connecting()
                : ConnectionState.reconnecting(lastReason, 0, failedAttempts));
        JMXConnector c = null;
        try {
            c = JmxConnect.open(profile, password);
            int gen = ++generation;
            c.addConnectionNotificationListener((n, hb) -> onConnectionNotification(gen, n), null, null);
            connector = c;
            reader = new JvmReader(jvm, c.getMBeanServerConnection(), mbeanListener);
            reader.server().addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, registrationListener, null, null);
            failedAttempts = 0;
            auditCadence.somethingHappened();
            sink.connectionChanged(jvm, ConnectionState.connected());
            Permission probed = RoleProbe.probe(reader.server(), profile.declaredRole());
            sink.permissionChanged(jvm, refusal != null && probed.actionsAllowed() ? refusal : probed);
            poll();
            long every = settings.pollInterval().toMillis();
            pending = worker.scheduleWithFixedDelay(() -> pollIf(gen), every, every, TimeUnit.MILLISECONDS);
        } catch (SecurityException e) {
            forgetConnector();
            closeInBackground(c);
            sink.connectionChanged(jvm, ConnectionState.disconnected("login refused: " + e.getMessage()
                    + " (fix the profile and connect again)"));
        } catch (IOException | InstanceNotFoundException | RuntimeException e) {
            forgetConnector();
            closeInBackground(c);
            retryLater(describe(e));
        }
    }

    private void onConnectionNotification(int gen, Notification n) {
        String type = n.getType();
        if (JMXConnectionNotification.FAILED.equals(type) || JMXConnectionNotification.CLOSED.equals(type)) {
            submit(() -> lost(gen, "connection " + type.substring(type.lastIndexOf('.') + 1)));
        } else if (JMXConnectionNotification.NOTIFS_LOST.equals(type)) {
            submit(() -> pollIf(gen));
        }
    }

    private void pollIf(int gen) {
        if (gen == generation && reader != null && !closed) {
            try {
                poll();
            } catch (IOException e) {
                lost(gen, describe(e));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, jvm + ": poll failed; will try again", e);
            }
        }
    }

    private void poll() throws IOException {
        stallWatch.callStarted();
        try {
            long startedAt = clock.getAsLong();
            boolean withAuditLogs = auditCadence.due(startedAt);
            JvmReading reading = reader.readAll(startedAt, withAuditLogs);
            if (withAuditLogs) {
                auditCadence.read(startedAt);
            }
            sink.polled(reading);
        } finally {
            stallWatch.callEnded();
        }
    }

    private void lost(int gen, String reason) {
        if (gen != generation || reader == null || closed) {
            return;
        }
        dropConnector();
        retryLater(reason);
    }

    private void retryLater(String reason) {
        if (closed) {
            return;
        }
        lastReason = reason;
        failedAttempts++;
        countDown(clock.getAsLong() + settings.reconnectDelayMillis(failedAttempts));
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
        sink.connectionChanged(jvm,
                ConnectionState.reconnecting(lastReason, (remaining + 999) / 1000, failedAttempts));
        long next = remaining % 1000 == 0 ? 1000 : remaining % 1000;
        pending = worker.schedule(() -> countDown(retryAt), next, TimeUnit.MILLISECONDS);
    }

    private void dropConnector() {
        cancelPending();
        generation++;
        JMXConnector c = connector;
        forgetConnector();
        closeInBackground(c);
    }

    private void forgetConnector() {
        connector = null;
        reader = null;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Closing a connector to a dead or hung peer can block for long: never on the worker. */
    private void closeInBackground(JMXConnector c) {
        if (c == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a broken connector: {0}", e.toString());
            }
        }, "fusebox-jmx-close-" + jvm);
        closer.setDaemon(true);
        closer.start();
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Called by the fleet's watchdog: shows the JVM as not answering while a call hangs. */
    void checkStall(long nowMillis) {
        if (!closed) {
            stallWatch.check(nowMillis);
        }
    }

    // ---- notifications ----

    private void onMBeanNotification(Notification n, Object handback) {
        if (!(n instanceof AttributeChangeNotification change) || !(handback instanceof ObjectName name)) {
            return;
        }
        int gen = generation;
        submit(() -> {
            if (gen != generation || reader == null) {
                return;
            }
            MethodKey breaker = reader.breakerKey(name);
            MethodKey bulkhead = reader.bulkheadKey(name);
            if ("State".equals(change.getAttributeName()) && breaker != null) {
                sink.stateNotified(breaker, String.valueOf(change.getNewValue()), change.getMessage(),
                        n.getTimeStamp());
                auditCadence.somethingHappened();
                rereadAfterAction(breaker);
            } else if ("Saturated".equals(change.getAttributeName()) && bulkhead != null) {
                sink.saturationNotified(bulkhead, Boolean.TRUE.equals(change.getNewValue()), n.getTimeStamp());
            }
        });
    }

    /** An MBean of Fusebox's domain came or went (an application redeployed): read again now. */
    private void onRegistration(Notification n, Object handback) {
        if (!(n instanceof MBeanServerNotification registration)
                || !ManagementNames.DOMAIN.equals(registration.getMBeanName().getDomain())) {
            return;
        }
        int gen = generation;
        submit(() -> {
            if (gen == generation && reader != null) {
                reader.forget(registration.getMBeanName());
                pollIf(gen);
            }
        });
    }

    // ---- acting ----

    CompletableFuture<List<ActionOutcome>> perform(Action action, List<MethodKey> targets, String reason,
                                                   String expiry) {
        return onWorker(() -> {
            auditCadence.somethingHappened();
            List<ActionOutcome> outcomes = new ArrayList<>();
            for (MethodKey key : targets) {
                outcomes.add(BreakerActions.onBreaker(this, action, key,
                        reader == null ? null : reader.breakerName(key), reason, expiry));
            }
            return outcomes;
        }, targets.stream().map(k -> ActionOutcome.failed(jvm, k.name(), action, "connection closed")).toList());
    }

    CompletableFuture<List<ActionOutcome>> performOnGroup(Action action, String group, String reason,
                                                          String expiry) {
        return onWorker(() -> {
            auditCadence.somethingHappened();
            List<ActionOutcome> outcomes = new ArrayList<>();
            if (reader != null) {
                for (ObjectName registry : reader.registriesWithGroup(group)) {
                    outcomes.addAll(BreakerActions.onGroup(this, action, registry, group, reason, expiry));
                }
            }
            return outcomes;
        }, List.of(ActionOutcome.failed(jvm, "group:" + group, action, "connection closed")));
    }

    private CompletableFuture<List<ActionOutcome>> onWorker(Supplier<List<ActionOutcome>> task,
                                                           List<ActionOutcome> ifClosed) {
        CompletableFuture<List<ActionOutcome>> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                stallWatch.callStarted();
                try {
                    result.complete(task.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    stallWatch.callEnded();
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(ifClosed);
        }
        return result;
    }

    // used by BreakerActions, on the worker

    MBeanServerConnection server() {
        return reader == null ? null : reader.server();
    }

    /** The server refused an action: from now on this login counts as a viewer. */
    void refused(String action, SecurityException e) {
        refusal = new Permission(Permission.Role.VIEWER,
                e.getMessage() + " (the server refused " + action + "; actions disabled for " + jvm + ")");
        sink.permissionChanged(jvm, refusal);
    }

    /** Re-reads a breaker so the table shows the effect of an action or notification at once. */
    void rereadAfterAction(MethodKey key) {
        if (reader == null) {
            return;
        }
        try {
            BreakerReading r = reader.reread(key);
            if (r != null) {
                sink.breakerRead(r, clock.getAsLong());
            }
        } catch (IOException e) {
            lost(generation, describe(e));
        }
    }

    /** Re-reads everything (after a group action). */
    void pollAfterAction() {
        pollIf(generation);
    }
}
