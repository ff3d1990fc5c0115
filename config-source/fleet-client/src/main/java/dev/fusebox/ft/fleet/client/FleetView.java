package dev.fusebox.ft.fleet.client;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * A live view of every application's instances and forcings: ONE {@link CuratorCache} on
 * {@code <root>/apps}, which ZooKeeper keeps current through watches (Curator re-sets them after a
 * reconnection and, after an outage, delivers only the difference). Changes are coalesced: the first
 * change after a publication schedules the next one {@value #COALESCE_MILLIS} ms later, on the
 * view's own thread, and that publication reads the latest state; so the listener gets immutable
 * snapshots at most every {@value #COALESCE_MILLIS} ms, however many instances change. A change of
 * the connection's state is published the same way (a snapshot says whether it is current). The
 * first snapshot is published when the cache has read the whole tree (or when the connection's
 * state changes first, e.g. to say the ensemble is unreachable). The first publication, and the
 * first after each change of the connection's state, also checks that the login may read the fleet
 * (a wrong password leaves the cache empty without an error): when not, the snapshots' first
 * problem says so.
 * <p>
 * Implementation notes: {@code pending} is true from the moment a publication is scheduled until it
 * starts; a change that finds it true is covered by that publication, which reads the cache after
 * clearing the flag (the linearization point), so no change is left unpublished. Publications run on
 * one thread, so the listener is never called concurrently. A listener that throws is logged, and
 * later publications go on. {@code readChecked} is cleared by each change of the connection's state
 * (a Curator thread) and set by the publication that checks; a change during a check only causes
 * one more check. {@link #close} stops the cache, removes the connection listener and
 * stops the thread (no thread outlives the view); the connection stays open (it is the caller's).
 * Thread-safety: thread-safe.
 */
public final class FleetView implements AutoCloseable {

    static final long COALESCE_MILLIS = 100;
    private static final System.Logger LOG = System.getLogger(FleetView.class.getName());

    private final FleetConnection connection;
    private final CuratorCache cache;
    private final FleetSnapshotReader reader;
    private final Consumer<FleetSnapshot> listener;
    private final ScheduledExecutorService publisher;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean initialized = new AtomicBoolean();
    /** False until the next publication has checked that the login may read (again after each change of connection). */
    private final AtomicBoolean readChecked = new AtomicBoolean();
    private volatile String readProblem;
    private final ConnectionStateListener connectionListener;

    private FleetView(FleetConnection connection, Consumer<FleetSnapshot> listener) {
        this.connection = connection;
        this.listener = listener;
        this.reader = new FleetSnapshotReader(connection.layout());
        this.cache = CuratorCache.build(connection.curator(), connection.layout().applications());
        this.publisher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fusebox-fleet-view");
            thread.setDaemon(true);
            return thread;
        });
        this.connectionListener = (client, state) -> {
            readChecked.set(false);
            schedule();
        };
    }

    /**
     * Starts watching; {@code listener} receives each new snapshot on the view's thread.
     * Close the view to stop.
     */
    public static FleetView watch(FleetConnection connection, Consumer<FleetSnapshot> listener) {
        FleetView view = new FleetView(connection, listener);
        view.cache.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, before, after) -> {
                    if (view.initialized.get()) {
                        view.schedule();
                    }
                })
                .forInitialized(() -> {
                    view.initialized.set(true);
                    view.schedule();
                })
                .build());
        connection.curator().getConnectionStateListenable().addListener(view.connectionListener);
        view.cache.start();
        return view;
    }

    /**
     * The state now (what the cache holds; built on the calling thread). When the login may not
     * read the fleet (a wrong password), the first problem says so.
     */
    public FleetSnapshot snapshot() {
        boolean connected = connection.connected();
        String state = connection + (connected ? (initialized.get() ? "" : " (reading the fleet)")
                : " (unreachable: showing what was read last)");
        return reader.read(connected, state, readProblem, cache.stream()::iterator);
    }

    /**
     * Checks that a login may read the fleet (a console's login dialog: ZooKeeper accepts a wrong
     * password at login and refuses only its reads).
     *
     * @throws FleetAccessException  when ZooKeeper refuses the login's reads
     * @throws IllegalStateException when the ensemble does not answer
     */
    public static void checkCanRead(FleetConnection connection) {
        String problem;
        try {
            problem = FleetReadProbe.problem(connection);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the right to read " + connection, interrupted);
        } catch (Exception unanswered) {
            throw new IllegalStateException("could not check whether " + connection + " may read the fleet: "
                    + unanswered, unanswered);
        }
        if (problem != null) {
            throw new FleetAccessException(problem, null);
        }
    }

    /** Whether the cache has read the whole tree once. */
    public boolean initialized() {
        return initialized.get();
    }

    private void schedule() {
        if (pending.compareAndSet(false, true)) {
            try {
                publisher.schedule(this::publish, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void publish() {
        pending.set(false);
        // never wait for an unreachable ensemble here: the snapshot says it is unreachable, and the
        // check runs after the next change of the connection's state
        if (connection.connected() && !readChecked.getAndSet(true)) {
            try {
                readProblem = FleetReadProbe.problem(connection);
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception unanswered) {
                // the connection went meanwhile: the snapshot says so; check again after the next change
                readChecked.set(false);
                LOG.log(Level.DEBUG, "the fleet view could not check its right to read: " + unanswered);
            }
        }
        try {
            listener.accept(snapshot());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "the fleet view's listener " + listener + " failed: " + failed, failed);
        }
    }

    @Override
    public void close() {
        connection.curator().getConnectionStateListenable().removeListener(connectionListener);
        cache.close();
        publisher.shutdownNow();
        try {
            if (!publisher.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "the fleet view's thread did not stop within 5 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
