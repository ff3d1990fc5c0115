package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.Forced;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The one writer of a {@link ForcedStateStore}: keeps it equal to the breakers' forcings. Whoever
 * changes a forcing (an operator action, a forcing running out on a business call) only marks the
 * breaker with {@link #changed}; the writer then hands the store the forcing that is in force
 * <em>when it writes</em>, never the view of the thread that made the change. Writes run on one
 * thread ({@code fusebox-forcings-<application>}), so no file I/O happens on the thread that
 * marked, and a burst of changes to one breaker is coalesced into writes of its latest forcing.
 *
 * <p>Implementation notes. {@code pending} holds the breakers marked and not yet written;
 * {@code draining} is true while exactly one thread owns the right to write (a drain). A marker
 * adds the breaker to {@code pending} after its change took effect in memory, then tries to take
 * ownership by a CAS of {@code draining} from false; the winner starts a drain (on the writer
 * thread, or on its own thread when the writer has stopped). A drain removes a breaker from
 * {@code pending} before it reads that breaker's forcing, then writes what it read; it gives up
 * ownership by setting {@code draining} to false and then, if {@code pending} is not empty, tries
 * to take it back. Invariant: after every change C to breaker B, some write of B starts its read
 * after C. Proof: C's mark either inserts B into {@code pending} (a drain removes it later and then
 * reads B, after C), or finds B there already, which a drain has not removed yet (same). A mark
 * that finds {@code draining} true relies on the owner's final check: the owner's release of
 * {@code draining} comes after the marker's failed CAS read it as true, so the owner's following
 * read of {@code pending} sees the mark (all are sequentially consistent) and it drains again or
 * another thread took ownership. Writes never overlap: ownership passes from one drain to the
 * next through {@code draining} (a happens-before edge), so they form one sequence and the last
 * write of B read B's latest forcing: a stale write can never land after a newer one. Breakers
 * whose write failed are kept in {@code failed} (touched only by the owner) and retried by the
 * next drain. Thread-safe.
 */
final class ForcedStateWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ForcedStateWriter.class.getName());
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final ForcedStateStore store;
    private final Function<String, PersistedForcing> current;
    private final Executor executor;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();

    /**
     * @param current  the forcing of a breaker in force now (null when automatic), by name
     * @param executor where drains run; {@code Runnable::run} runs them on the marking thread
     */
    ForcedStateWriter(ForcedStateStore store, Function<String, PersistedForcing> current, Executor executor) {
        this.store = store;
        this.current = current;
        this.executor = executor;
    }

    /**
     * The writer of {@code store} for the breakers of {@code guarded}: on its own daemon thread
     * {@code fusebox-forcings-<application>}, ended by {@link #close}; without a store
     * ({@link ForcedStateStore#NONE}) one that writes nothing and starts no thread.
     */
    static ForcedStateWriter of(String application, ForcedStateStore store, List<Guarded> guarded) {
        Map<String, Guarded> byName = new HashMap<>();
        guarded.stream().filter(Guarded::hasBreaker).forEach(method -> byName.put(method.name(), method));
        Function<String, PersistedForcing> current = breaker -> {
            Guarded method = byName.get(breaker);
            return method == null ? null : forcingOf(method);
        };
        if (store == ForcedStateStore.NONE) {
            return new ForcedStateWriter(store, current, Runnable::run);
        }
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread started = new Thread(task, "fusebox-forcings-" + application);
                    started.setDaemon(true);
                    return started;
                });
        thread.prestartCoreThread(); // a forcing running out on a business call starts no thread there
        return new ForcedStateWriter(store, current, thread);
    }

    /** The forcing of {@code guarded} in force now, in wall-clock times; null when it is automatic. */
    static PersistedForcing forcingOf(Guarded guarded) {
        Forced forced = guarded.method().breaker().forced();
        if (forced == null) {
            return null;
        }
        return new PersistedForcing(forced.state().name(), forced.by(), forced.reason(),
                guarded.clock().toEpochMillis(forced.sinceNanos()), guarded.clock().untilEpochMillis(forced.untilNanos()));
    }

    ForcedStateStore store() {
        return store;
    }

    /** The forcing of {@code breaker} changed in memory: it will be written. Never does I/O itself. */
    void changed(String breaker) {
        if (store == ForcedStateStore.NONE) {
            return;
        }
        pending.add(breaker);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                drain(); // the writer thread has stopped (shutdown): write here rather than lose it
            }
        }
    }

    /** Runs while owning {@code draining}; see the implementation notes. */
    private void drain() {
        do {
            pending.addAll(failed);
            failed.clear();
            for (String breaker : pending) {
                pending.remove(breaker);
                write(breaker);
            }
            draining.set(false);
        } while (!pending.isEmpty() && draining.compareAndSet(false, true));
    }

    private void write(String breaker) {
        try {
            store.changed(breaker, current.apply(breaker));
        } catch (RuntimeException e) {
            failed.add(breaker);
            LOG.log(System.Logger.Level.ERROR, "forced-state store " + store + " failed to keep the forcing of "
                    + breaker + "; it is written again with the next change or at shutdown", e);
        }
    }

    /**
     * Writes what is still marked and ends the writer thread (waiting up to 10 s for a write in
     * progress). Later marks are written on the marking thread.
     */
    @Override
    public void close() {
        if (executor instanceof ExecutorService service) {
            service.shutdown();
            try {
                if (!service.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "forced-state store " + store + " did not finish writing in "
                            + CLOSE_WAIT_SECONDS + " s; forcings changed since may not be kept");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if ((!pending.isEmpty() || !failed.isEmpty()) && draining.compareAndSet(false, true)) {
            drain();
        }
    }

    @Override
    public String toString() {
        return "writer of " + store;
    }
}
