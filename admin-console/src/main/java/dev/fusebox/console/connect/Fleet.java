package dev.fusebox.console.connect;

import dev.fusebox.console.feed.FeedSink;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.ShadowTarget;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.FaultInjection;
import dev.fusebox.console.operator.FleetOperations;
import dev.fusebox.console.operator.InjectorOutcome;
import dev.fusebox.samples.chaos.model.FaultStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The console's connections, one per JVM, the actions across them, and the game day's calls to their
 * fault injectors ({@link FaultInjection}).
 *
 * <p>Thread-safety: the map of connections is guarded by this object's lock; everything slow runs
 * on the connections' workers (daemon threads named {@code fusebox-jmx-<jvm>}), so every method
 * returns at once. A watchdog thread marks a JVM whose call has hung as not answering.
 */
public final class Fleet implements FleetOperations, FaultInjection, AutoCloseable {

    private final FeedSink sink;
    private final ConsoleSettings settings;
    private final LongSupplier clock;
    /** How long an action may go unanswered before the console says so (it may still take effect). */
    static final long ACTION_ANSWER_SECONDS = 30;

    private final Map<String, JvmConnection> connections = new LinkedHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            threadsNamed("fusebox-jmx-watchdog"));

    public Fleet(FeedSink sink, ConsoleSettings settings) {
        this(sink, settings, System::currentTimeMillis);
    }

    Fleet(FeedSink sink, ConsoleSettings settings, LongSupplier clock) {
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
        long every = Math.max(100, Math.min(1000, settings.stallAfter().toMillis() / 2));
        watchdog.scheduleWithFixedDelay(this::checkStalls, every, every, TimeUnit.MILLISECONDS);
    }

    /** Marks connections whose current call has been running too long (the workers cannot: they wait). */
    private void checkStalls() {
        long now = clock.getAsLong();
        List<JvmConnection> all;
        synchronized (this) {
            all = List.copyOf(connections.values());
        }
        all.forEach(c -> c.checkStall(now));
    }

    /**
     * Starts connecting to {@code profile} in the background.
     *
     * @return the JVM's name in the console (the profile's, made unique)
     */
    public synchronized String connect(ConnectionProfile profile, char[] password) {
        String name = profile.name();
        for (int n = 2; connections.containsKey(name); n++) {
            name = profile.name() + " (" + n + ")";
        }
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(threadsNamed("fusebox-jmx-" + name));
        JvmConnection connection = new JvmConnection(name, profile.withName(name), password, sink, settings, worker,
                clock);
        connections.put(name, connection);
        connection.start();
        return name;
    }

    /** Closes the connection to {@code jvm} and removes it from the fleet. */
    public CompletableFuture<Void> disconnect(String jvm) {
        JvmConnection connection;
        synchronized (this) {
            connection = connections.remove(jvm);
        }
        if (connection == null) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.close().thenRun(() -> sink.removed(List.of(jvm)));
    }

    /** Tries {@code jvm} again now, without waiting for the backoff. */
    public synchronized void reconnect(String jvm) {
        JvmConnection connection = connections.get(jvm);
        if (connection != null) {
            connection.reconnectNow();
        }
    }

    public synchronized List<String> jvms() {
        return List.copyOf(connections.keySet());
    }

    @Override
    public CompletableFuture<List<ActionOutcome>> act(Action action, List<MethodKey> targets, String reason,
                                                      String expiry) {
        Map<String, List<MethodKey>> byJvm = new LinkedHashMap<>();
        targets.forEach(k -> byJvm.computeIfAbsent(k.jvm(), j -> new ArrayList<>()).add(k));
        List<CompletableFuture<List<ActionOutcome>>> parts = new ArrayList<>();
        synchronized (this) {
            byJvm.forEach((jvm, keys) -> {
                JvmConnection connection = connections.get(jvm);
                parts.add(connection != null
                        ? unanswered(connection.perform(action, keys, reason, expiry), jvm, action,
                                keys.stream().map(MethodKey::name).toList())
                        : CompletableFuture.completedFuture(keys.stream()
                        .map(k -> ActionOutcome.failed(jvm, k.name(), action, "not in the fleet any more")).toList()));
            });
        }
        return combine(parts);
    }

    @Override
    public CompletableFuture<List<ActionOutcome>> actOnGroup(Action action, String group, String reason,
                                                             String expiry) {
        List<CompletableFuture<List<ActionOutcome>>> parts = new ArrayList<>();
        synchronized (this) {
            connections.values().forEach(c -> parts.add(unanswered(c.performOnGroup(action, group, reason, expiry),
                    c.jvm(), action, List.of("group:" + group))));
        }
        return combine(parts);
    }

    @Override
    public CompletableFuture<List<ActionOutcome>> switchShadow(List<ShadowTarget> targets, boolean shadow,
                                                               String reason) {
        Map<String, List<ShadowTarget>> byJvm = new LinkedHashMap<>();
        targets.forEach(t -> byJvm.computeIfAbsent(t.key().jvm(), j -> new ArrayList<>()).add(t));
        List<CompletableFuture<List<ActionOutcome>>> parts = new ArrayList<>();
        synchronized (this) {
            byJvm.forEach((jvm, list) -> {
                JvmConnection connection = connections.get(jvm);
                List<String> names = list.stream().map(ShadowTarget::describe).toList();
                parts.add(connection != null
                        ? unanswered(connection.performShadowSwitch(list, shadow, reason), jvm, "configure", names)
                        : CompletableFuture.completedFuture(names.stream().map(n -> ActionOutcome.failed(jvm, n,
                        "configure", "not in the fleet any more")).toList()));
            });
        }
        return combine(parts);
    }

    @Override
    public CompletableFuture<InjectorOutcome> inject(String jvm, FaultStep step) {
        return onFaultInjector(jvm, step.dependency(), FaultInjectorSwitch.inject(step));
    }

    @Override
    public CompletableFuture<InjectorOutcome> revert(String jvm, FaultStep step) {
        return onFaultInjector(jvm, step.dependency(), FaultInjectorSwitch.revert(step));
    }

    @Override
    public CompletableFuture<InjectorOutcome> heal(String jvm, String dependency) {
        return onFaultInjector(jvm, dependency, FaultInjectorSwitch.heal());
    }

    private CompletableFuture<InjectorOutcome> onFaultInjector(String jvm, String dependency,
                                                               FaultInjectorSwitch.Call call) {
        JvmConnection connection;
        synchronized (this) {
            connection = connections.get(jvm);
        }
        return connection == null ? CompletableFuture.completedFuture(InjectorOutcome.failed("not in the fleet any more"))
                : connection.onFaultInjector(dependency, call).completeOnTimeout(InjectorOutcome.failed("no answer within "
                + ACTION_ANSWER_SECONDS + " s; it may still take effect"), ACTION_ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    /** A JVM that does not answer must not hold up the results of the others. */
    private static CompletableFuture<List<ActionOutcome>> unanswered(CompletableFuture<List<ActionOutcome>> part,
                                                                     String jvm, Action action, List<String> targets) {
        return unanswered(part, jvm, action.operation(), targets);
    }

    private static CompletableFuture<List<ActionOutcome>> unanswered(CompletableFuture<List<ActionOutcome>> part,
                                                                     String jvm, String operation,
                                                                     List<String> targets) {
        return part.completeOnTimeout(targets.stream().map(t -> ActionOutcome.failed(jvm, t, operation, "no answer within "
                + ACTION_ANSWER_SECONDS + " s; it may still take effect: check the breaker")).toList(),
                ACTION_ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    private static CompletableFuture<List<ActionOutcome>> combine(List<CompletableFuture<List<ActionOutcome>>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<ActionOutcome> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        List<String> all = jvms();
        all.forEach(this::disconnect);
    }

    private static ThreadFactory threadsNamed(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
