package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live guards of this class loader, by name: names are unique among them, and this is what
 * management reads. At most {@value #MAX_GUARDS} are live at once, so that code building a guard per
 * call (a misuse: a guard is built once and shared) fails with a clear message instead of filling
 * the heap. Listeners (management) are told of every guard built or closed, on the thread that did
 * it, after the change. Thread-safe.
 */
final class GuardRegistry {

    static final int MAX_GUARDS = 10_000;
    private static final System.Logger LOG = System.getLogger(GuardRegistry.class.getName());
    private static final ConcurrentMap<String, FuseboxGuard> LIVE = new ConcurrentHashMap<>();
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();
    private static final List<GuardMetrics> METRICS = new CopyOnWriteArrayList<>();
    private static final List<GuardOverrides> OVERRIDES = new CopyOnWriteArrayList<>();

    private GuardRegistry() {
    }

    static void add(FuseboxGuard guard) {
        if (LIVE.size() >= MAX_GUARDS) {
            throw new IllegalStateException("cannot build guard " + guard.name() + ": " + MAX_GUARDS
                    + " guards are live already; build a guard once and share it, and close the ones not needed");
        }
        FuseboxGuard before = LIVE.putIfAbsent(guard.name(), guard);
        if (before != null) {
            throw new IllegalStateException("a guard named " + guard.name() + " is live already: share that guard"
                    + " (one per dependency), or close it before building another of the name");
        }
        changed();
    }

    static void remove(FuseboxGuard guard) {
        if (LIVE.remove(guard.name(), guard)) {
            changed();
        }
    }

    /** The live guard named {@code name}, or null. */
    static ManagedGuard live(String name) {
        return LIVE.get(name);
    }

    /** The live guards now. */
    static List<ManagedGuard> live() {
        return List.copyOf(LIVE.values());
    }

    static AutoCloseable configureWith(GuardOverrides overrides) {
        OVERRIDES.add(overrides);
        return () -> OVERRIDES.remove(overrides);
    }

    /** The most recently installed overrides, or null. */
    static GuardOverrides overrides() {
        return latest(OVERRIDES);
    }

    /** The last element of {@code installed} (a copy-on-write list, read once), or null. */
    @SuppressWarnings("unchecked")
    private static <T> T latest(List<T> installed) {
        Object[] now = installed.toArray();
        return now.length == 0 ? null : (T) now[now.length - 1];
    }

    static AutoCloseable reportTo(GuardMetrics metrics) {
        METRICS.add(metrics);
        return () -> METRICS.remove(metrics);
    }

    /**
     * What a guard being built with {@code engines} reports to: its counters, and the metrics of the
     * most recently installed {@link GuardMetrics}. A metrics library that fails is logged and left out.
     */
    static MethodMetrics metrics(GuardEngines engines) {
        GuardMetrics installed = latest(METRICS);
        if (installed == null) {
            return engines.counters();
        }
        try {
            return installed.metrics(engines);
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "guard " + engines.name() + " reports to JMX only: its metrics"
                    + " could not be registered", failed);
            return engines.counters();
        }
    }

    static AutoCloseable listen(Runnable listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /** Tells every listener, on this thread; a listener that throws is logged and the others still told. */
    private static void changed() {
        GuardThreads.liveGuards(LIVE.size());
        for (Runnable listener : LISTENERS) {
            try {
                listener.run();
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "a listener of the live guards failed", failed);
            }
        }
    }
}
