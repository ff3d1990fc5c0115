package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.jmx.ApplicationControl;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetMember;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.utils.ZKPaths;

/**
 * One instance's part in its fleet, from the end of deployment to shutdown: a connection to the
 * ensemble, three caches of its application's {@code forced}, {@code resets} and {@code overrides}
 * nodes, its member node, and one thread {@code fusebox-fleet-<app>} (daemon) on which every
 * change the caches see is handled, in order, and the member node is published.
 * {@link #start} waits up to the start-up wait for the first full read of the forcings and the
 * overrides, so an instance that starts while a forcing exists applies it before its first call;
 * when the ensemble does not answer in time the application starts with what the local store kept,
 * a WARNING says so and the status says "not yet read from the fleet" until the read happens.
 * While the ensemble is unreachable nothing is released or dropped (the caches keep their data and
 * report nothing); after it is back they report only what changed meanwhile, which is applied, and
 * the member node is published again (re-created by Curator after a session expiry).
 * Not thread-safe: {@link #start} and {@link #close} are called once each by the extension.
 */
final class FleetAgent implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FleetAgent.class.getName());

    private final FleetSettings settings;
    private final ApplicationControl control;
    private final FleetConnection connection;
    private final ScheduledThreadPoolExecutor worker;
    private final FleetStatus status;
    private final FleetForcings forcings;
    private final FleetOverrides overrides;
    private final FleetMembership membership;
    private final CountDownLatch firstRead = new CountDownLatch(2);
    private final long started = System.currentTimeMillis();
    private CuratorCache forcedCache;
    private CuratorCache resetsCache;
    private CuratorCache overridesCache;
    private AutoCloseable transitions;

    private FleetAgent(FleetSettings settings, ApplicationControl control, FleetConfigSource source,
                       FleetStatus status) {
        this.settings = settings;
        this.control = control;
        this.connection = FleetConnection.start(settings.access());
        this.worker = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "fusebox-fleet-" + control.application());
            thread.setDaemon(true);
            return thread;
        });
        worker.setRemoveOnCancelPolicy(true);
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        FleetLayout layout = settings.layout();
        String app = settings.application();
        this.status = status;
        FleetAnswers acks = new FleetAnswers(connection.curator(), layout, app, settings.instanceId(),
                status);
        this.forcings = new FleetForcings(control, acks, status);
        status.countForcingsWith(forcings::count);
        this.overrides = new FleetOverrides(control, source, acks, status, layout.overrides(app));
        try {
            this.membership = new FleetMembership(connection.curator(), layout.instance(app, settings.instanceId()),
                    this::member, worker, settings.publishInterval().toMillis(), status);
        } catch (RuntimeException unpublishable) {
            connection.close(); // e.g. more breakers than a member node takes: nothing may stay open
            throw unpublishable;
        }
    }

    /** Starts taking part; returns once the fleet was read in full or the start-up wait ran out. */
    static FleetAgent start(FleetSettings settings, ApplicationControl control, FleetConfigSource source,
                            FleetStatus status) throws InterruptedException {
        FleetAgent agent = new FleetAgent(settings, control, source, status);
        try {
            agent.begin();
            return agent;
        } catch (RuntimeException | InterruptedException failed) {
            agent.close();
            throw failed;
        }
    }

    private void begin() throws InterruptedException {
        if (!settings.access().acl().protectedNodes()) {
            LOG.log(System.Logger.Level.WARNING, "fleet " + settings.application() + ": no ACLs configured ("
                    + FleetSettings.PREFIX + "acl.operators/instances/viewers): every client of " + settings.zookeeper()
                    + " may force this application's breakers");
        }
        connection.curator().getConnectionStateListenable().addListener((client, state) -> stateChanged(state));
        synchronized (this) {
            // Curator tells only the listeners it has when an event is delivered: a connection made before
            // this listener was added (a ZooKeeper that answers at once, e.g. in this JVM) told nobody
            if (connection.connected()) {
                stateChanged(ConnectionState.CONNECTED);
            }
        }
        FleetLayout layout = settings.layout();
        String app = settings.application();
        String forced = layout.forced(app);
        forcedCache = CuratorCache.build(connection.curator(), forced);
        forcedCache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, now) -> onWorker(() -> {
                    if (isChild(forced, now)) {
                        forcings.forced(target(now), now.getData());
                    }
                }))
                .forDeletes(gone -> onWorker(() -> {
                    if (isChild(forced, gone)) {
                        forcings.released(target(gone), gone.getData());
                    }
                }))
                .forInitialized(() -> onWorker(() -> {
                    forcings.reconcile();
                    firstRead.countDown();
                    membership.changed(); // the member's status: read from the fleet now
                })).build());
        String resets = layout.resets(app);
        resetsCache = CuratorCache.build(connection.curator(), resets);
        CountDownLatch resetsRead = new CountDownLatch(1);
        resetsCache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, now) -> onWorker(() -> {
                    if (resetsRead.getCount() == 0 && isChild(resets, now)) {
                        forcings.reset(target(now), now.getData());
                    }
                }))
                .forInitialized(() -> onWorker(resetsRead::countDown)).build());
        String overridesPath = layout.overrides(app);
        overridesCache = CuratorCache.build(connection.curator(), overridesPath, CuratorCache.Options.SINGLE_NODE_CACHE);
        overridesCache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, now) -> onWorker(() -> overrides.changed(now.getData())))
                .forDeletes(gone -> onWorker(() -> overrides.changed(null)))
                .forInitialized(() -> onWorker(firstRead::countDown)).build());
        forcedCache.start();
        overridesCache.start();
        resetsCache.start();
        membership.start();
        transitions = control.onTransitions(membership::changed);
        Duration wait = settings.startupWait();
        if (!firstRead.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "fleet " + settings.application() + ": the fleet at "
                    + settings.zookeeper() + " was not read within " + wait.toMillis() + " ms ("
                    + FleetSettings.STARTUP_WAIT + "); starting with the forcings the local store kept; fleet"
                    + " forcings and overrides are applied when it answers");
        } else {
            LOG.log(System.Logger.Level.INFO, "fleet " + settings.application() + ": " + settings.instanceId()
                    + " joined " + settings.zookeeper() + settings.layout().root() + " with " + forcings.count()
                    + " fleet forcings in force");
        }
    }

    /** Curator's connection-state thread, and once {@link #begin}: the lock orders the two. */
    private synchronized void stateChanged(ConnectionState state) {
        switch (state) {
            case CONNECTED, RECONNECTED -> {
                status.connected();
                membership.changed(); // publish the states again (a new session re-created the node)
            }
            case SUSPENDED, LOST -> status.unreachable(state == ConnectionState.LOST
                    ? "session lost: the ensemble ends it after " + settings.sessionTimeout().toMillis() + " ms"
                    : "connection suspended");
            default -> { }
        }
    }

    private void onWorker(Runnable change) {
        try {
            worker.execute(() -> {
                try {
                    change.run();
                } catch (RuntimeException failed) {
                    status.failure("could not apply a fleet change", failed);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stopping: later changes are not applied
        }
    }

    private static boolean isChild(String parent, ChildData node) {
        return ZKPaths.getPathAndNode(node.getPath()).getPath().equals(parent);
    }

    private static String target(ChildData node) {
        return FleetLayout.raw(ZKPaths.getNodeFromPath(node.getPath()));
    }

    private FleetMember member() {
        Map<String, FleetMember.BreakerState> breakers = new LinkedHashMap<>();
        for (String breaker : control.breakers()) {
            Forcing forcing = control.forcing(breaker);
            breakers.put(breaker, new FleetMember.BreakerState(control.state(breaker),
                    forcing == null ? "" : forcing.state(), forcings.actionOf(breaker, forcing)));
        }
        String version = ApplicationControl.class.getPackage().getImplementationVersion();
        return new FleetMember(settings.application(), settings.instanceId(), host(), settings.jmxAddress(),
                version == null ? "development" : version, started, status.memberStatus(), breakers);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unknown) {
            return "unknown-host";
        }
    }

    /**
     * Removes the member node, waiting at most the connection timeout (the ensemble may be down:
     * the session's end removes the node then). The node must be closed before the connection is:
     * an active node whose client closes retries its creation without end.
     */
    private void leave() {
        Thread leaving = new Thread(membership::close, "fusebox-fleet-leave-" + control.application());
        leaving.setDaemon(true);
        leaving.start();
        try {
            leaving.join(settings.connectionTimeout().toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (leaving.isAlive()) {
            LOG.log(System.Logger.Level.INFO, "fleet " + settings.application() + ": the member node of "
                    + settings.instanceId() + " is left to the end of its session (the store does not answer)");
            leaving.interrupt();
        }
    }

    /** The connection (tests: expire its session). */
    FleetConnection connection() {
        return connection;
    }

    /** Leaves the fleet: the member node removed, the caches and the thread stopped, the connection closed. */
    @Override
    public void close() {
        if (transitions != null) {
            try {
                transitions.close();
            } catch (Exception failed) {
                status.failure("could not stop listening to the breakers", failed);
            }
        }
        leave();
        for (CuratorCache cache : new CuratorCache[] {forcedCache, resetsCache, overridesCache}) {
            if (cache != null) {
                cache.close();
            }
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "fleet thread of " + settings.application() + " did not stop in 5 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
