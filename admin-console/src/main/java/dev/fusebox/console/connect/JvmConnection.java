package dev.fusebox.console.connect;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.BulkheadReading;
import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.FeedSink;
import dev.fusebox.console.feed.JvmReading;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.Attribute;
import javax.management.AttributeChangeNotification;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;

/**
 * One JVM of the fleet: connects, polls, listens, acts and reconnects.
 *
 * <p>Thread-safety: all JMX work and all state below happens on this connection's single worker
 * thread (owned by the console, one per JVM so a hung JVM stalls nobody else). The public methods
 * only hand work to it. JMX notifications arrive on the connector's own thread and are handed over
 * too. A generation number tells callbacks of an old connector from those of the current one.
 */
public final class JvmConnection {

    private static final System.Logger LOG = System.getLogger(JvmConnection.class.getName());

    private static final String[] BREAKER_ATTRIBUTES = {"State", "Forcing", "TimeInStateMillis", "FailureRatio",
            "WindowRecorded", "WindowFailures", "Window", "Calls", "Successes", "Failures", "Rejections",
            "TimesOpened", "Configuration", "Transitions"};
    private static final String[] BULKHEAD_ATTRIBUTES = {"Limit", "QueueSize", "Running", "Waiting", "Accepted",
            "Rejected", "Saturated"};
    private static final String[] REGISTRY_ATTRIBUTES = {"Application", "Groups"};

    private final String jvm;
    private final ConnectionProfile profile;
    private final char[] password;
    private final FeedSink sink;
    private final ConsoleSettings settings;
    private final ScheduledExecutorService worker;
    private final LongSupplier clock;
    private final NotificationListener notificationListener = this::onNotification;

    // confined to the worker
    private final Map<ObjectName, MethodKey> breakerNames = new HashMap<>();
    private final Map<ObjectName, MethodKey> bulkheadNames = new HashMap<>();
    private final Map<MethodKey, ObjectName> breakerByKey = new HashMap<>();
    private final Map<String, ObjectName> registries = new HashMap<>();
    private Map<String, List<BreakerGroup>> groups = Map.of();
    private JMXConnector connector;
    private MBeanServerConnection server;
    private int generation;
    private int failedAttempts;
    private ScheduledFuture<?> pending;
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
            c.addConnectionNotificationListener((n, hb) -> {
                if (JMXConnectionNotification.FAILED.equals(n.getType())
                        || JMXConnectionNotification.CLOSED.equals(n.getType())) {
                    submit(() -> lost(gen, "connection " + n.getType().substring(n.getType().lastIndexOf('.') + 1)));
                } else if (JMXConnectionNotification.NOTIFS_LOST.equals(n.getType())) {
                    submit(() -> pollIf(gen));
                }
            }, null, null);
            connector = c;
            server = c.getMBeanServerConnection();
            failedAttempts = 0;
            sink.connectionChanged(jvm, ConnectionState.connected());
            sink.permissionChanged(jvm, RoleProbe.probe(server, profile.declaredRole()));
            poll();
            schedulePolls(gen);
        } catch (SecurityException e) {
            closeQuietly(c);
            connector = null;
            server = null;
            sink.connectionChanged(jvm, ConnectionState.disconnected("login refused: " + e.getMessage()
                    + " (fix the profile and connect again)"));
        } catch (IOException | RuntimeException e) {
            closeQuietly(c);
            connector = null;
            server = null;
            retryLater(describe(e));
        }
    }

    private String lastReason = "";

    private void schedulePolls(int gen) {
        long every = settings.pollInterval().toMillis();
        pending = worker.scheduleWithFixedDelay(() -> pollIf(gen), every, every, TimeUnit.MILLISECONDS);
    }

    private void pollIf(int gen) {
        if (gen == generation && server != null && !closed) {
            try {
                poll();
            } catch (IOException e) {
                lost(gen, describe(e));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, jvm + ": poll failed; will try again", e);
            }
        }
    }

    private void lost(int gen, String reason) {
        if (gen != generation || server == null || closed) {
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
        long retryAt = clock.getAsLong() + settings.reconnectDelayMillis(failedAttempts);
        countDown(retryAt);
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
        connector = null;
        server = null;
        breakerNames.clear();
        bulkheadNames.clear();
        breakerByKey.clear();
        registries.clear();
        closeQuietly(c);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private static void closeQuietly(JMXConnector c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a broken connector: {0}", e.toString());
            }
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    // ---- reading ----

    private void poll() throws IOException {
        Map<String, List<BreakerGroup>> readGroups = new HashMap<>();
        for (ObjectName name : server.queryNames(ManagementNames.all(ManagementNames.REGISTRY), null)) {
            Map<String, Object> a = attributes(name, REGISTRY_ATTRIBUTES);
            if (a != null) {
                String app = a.containsKey("Application") ? OpenData.string(a, "Application")
                        : ManagementNames.raw(name.getKeyProperty("application"));
                readGroups.put(app, OpenData.groups(a.get("Groups")));
                registries.put(app, name);
            }
        }
        groups = readGroups;
        List<BreakerReading> breakers = new ArrayList<>();
        Set<ObjectName> seen = new HashSet<>();
        for (ObjectName name : server.queryNames(ManagementNames.all(ManagementNames.CIRCUIT_BREAKER), null)) {
            seen.add(name);
            MethodKey key = breakerNames.computeIfAbsent(name, this::subscribe);
            breakerByKey.put(key, name);
            BreakerReading r = readBreaker(name, key);
            if (r != null) {
                breakers.add(r);
            }
        }
        breakerNames.keySet().retainAll(seen);
        breakerByKey.values().retainAll(seen);
        List<BulkheadReading> bulkheads = new ArrayList<>();
        seen.clear();
        for (ObjectName name : server.queryNames(ManagementNames.all(ManagementNames.BULKHEAD), null)) {
            seen.add(name);
            MethodKey key = bulkheadNames.computeIfAbsent(name, this::subscribe);
            Map<String, Object> a = attributes(name, BULKHEAD_ATTRIBUTES);
            if (a != null) {
                bulkheads.add(new BulkheadReading(key, OpenData.intValue(a, "Limit"), OpenData.intValue(a, "QueueSize"),
                        OpenData.intValue(a, "Running"), OpenData.intValue(a, "Waiting"),
                        OpenData.longValue(a, "Accepted"), OpenData.longValue(a, "Rejected"),
                        OpenData.booleanValue(a, "Saturated")));
            }
        }
        bulkheadNames.keySet().retainAll(seen);
        sink.polled(new JvmReading(jvm, clock.getAsLong(), groups, breakers, bulkheads));
    }

    private BreakerReading readBreaker(ObjectName name, MethodKey key) throws IOException {
        Map<String, Object> a = attributes(name, BREAKER_ATTRIBUTES);
        if (a == null) {
            return null;
        }
        return new BreakerReading(key, OpenData.string(a, "State"), OpenData.forcing(a.get("Forcing")),
                OpenData.longValue(a, "TimeInStateMillis"), OpenData.doubleValue(a, "FailureRatio"),
                OpenData.intValue(a, "WindowRecorded"), OpenData.intValue(a, "WindowFailures"),
                OpenData.string(a, "Window"), OpenData.longValue(a, "Calls"), OpenData.longValue(a, "Successes"),
                OpenData.longValue(a, "Failures"), OpenData.longValue(a, "Rejections"),
                OpenData.longValue(a, "TimesOpened"), OpenData.settings(a.get("Configuration")),
                OpenData.transitions(a.get("Transitions")));
    }

    /** The attributes by name, or null when the MBean has gone. */
    private Map<String, Object> attributes(ObjectName name, String[] which) throws IOException {
        try {
            AttributeList list = server.getAttributes(name, which);
            Map<String, Object> map = new HashMap<>();
            for (Attribute attribute : list.asList()) {
                map.put(attribute.getName(), attribute.getValue());
            }
            return map;
        } catch (InstanceNotFoundException e) {
            return null;
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, jvm + ": cannot read " + name, e);
            return null;
        }
    }

    private MethodKey subscribe(ObjectName name) {
        MethodKey key = new MethodKey(jvm, ManagementNames.raw(name.getKeyProperty("application")),
                ManagementNames.raw(name.getKeyProperty("bean")), ManagementNames.raw(name.getKeyProperty("method")));
        try {
            server.addNotificationListener(name, notificationListener, null, name);
        } catch (InstanceNotFoundException | IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: cannot listen to {1}: {2}", jvm, name, e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: {1} emits no notifications: {2}", jvm, name, e);
        }
        return key;
    }

    private void onNotification(Notification n, Object handback) {
        if (!(n instanceof AttributeChangeNotification change) || !(handback instanceof ObjectName name)) {
            return;
        }
        int gen = generation;
        submit(() -> {
            if (gen != generation || server == null) {
                return;
            }
            if ("State".equals(change.getAttributeName()) && breakerNames.containsKey(name)) {
                MethodKey key = breakerNames.get(name);
                sink.stateNotified(key, String.valueOf(change.getNewValue()), change.getMessage(), n.getTimeStamp());
                reread(key, name);
            } else if ("Saturated".equals(change.getAttributeName()) && bulkheadNames.containsKey(name)) {
                sink.saturationNotified(bulkheadNames.get(name), Boolean.TRUE.equals(change.getNewValue()),
                        n.getTimeStamp());
            }
        });
    }

    private void reread(MethodKey key, ObjectName name) {
        try {
            BreakerReading r = readBreaker(name, key);
            if (r != null) {
                sink.breakerRead(r, clock.getAsLong());
            }
        } catch (IOException e) {
            lost(generation, describe(e));
        }
    }

    // ---- acting ----

    CompletableFuture<List<ActionOutcome>> perform(Action action, List<MethodKey> targets, String reason,
                                                   String expiry) {
        CompletableFuture<List<ActionOutcome>> result = new CompletableFuture<>();
        Runnable task = () -> {
            List<ActionOutcome> outcomes = new ArrayList<>();
            for (MethodKey key : targets) {
                outcomes.add(BreakerActions.onBreaker(this, action, key, breakerByKey.get(key), reason, expiry));
            }
            result.complete(outcomes);
        };
        submitOrFail(task, result, targets.stream().map(k -> failed(k.name(), action)).toList());
        return result;
    }

    CompletableFuture<List<ActionOutcome>> performOnGroup(Action action, String group, String reason,
                                                          String expiry) {
        CompletableFuture<List<ActionOutcome>> result = new CompletableFuture<>();
        Runnable task = () -> {
            List<ActionOutcome> outcomes = new ArrayList<>();
            groups.forEach((app, list) -> {
                if (list.stream().anyMatch(g -> g.name().equals(group))) {
                    outcomes.addAll(BreakerActions.onGroup(this, action, registries.get(app), group, reason, expiry));
                }
            });
            result.complete(outcomes);
        };
        submitOrFail(task, result, List.of(failed("group:" + group, action)));
        return result;
    }

    private ActionOutcome failed(String target, Action action) {
        return ActionOutcome.failed(jvm, target, action, "connection closed");
    }

    private void submitOrFail(Runnable task, CompletableFuture<List<ActionOutcome>> result,
                              List<ActionOutcome> ifClosed) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(ifClosed);
        }
    }

    // used by BreakerActions, on the worker

    MBeanServerConnection server() {
        return server;
    }

    /** The server refused an action: from now on this login counts as a viewer. */
    void refused(String action, SecurityException e) {
        sink.permissionChanged(jvm, new Permission(Permission.Role.VIEWER,
                e.getMessage() + " (the server refused " + action + "; actions disabled for " + jvm + ")"));
    }

    /** Re-reads a breaker after an action so the table shows its effect at once. */
    void rereadAfterAction(MethodKey key) {
        ObjectName name = breakerByKey.get(key);
        if (name != null && server != null) {
            reread(key, name);
        }
    }

    /** Re-reads everything (after a group action). */
    void pollAfterAction() {
        pollIf(generation);
    }
}
