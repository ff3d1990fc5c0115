package dev.fusebox.ft.guard;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live guards of this class loader, by name: names are unique among them, and this is what
 * management reads. At most {@value #MAX_GUARDS} are live at once, so that code building a guard per
 * call (a misuse: a guard is built once and shared) fails with a clear message instead of filling
 * the heap. Thread-safe.
 */
final class GuardRegistry {

    static final int MAX_GUARDS = 10_000;
    private static final ConcurrentMap<String, FuseboxGuard> LIVE = new ConcurrentHashMap<>();

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
    }

    static void remove(FuseboxGuard guard) {
        LIVE.remove(guard.name(), guard);
    }

    /** The live guards now. */
    static List<FuseboxGuard> live() {
        return List.copyOf(LIVE.values());
    }
}
