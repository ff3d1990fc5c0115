package dev.fusebox.console.connect;

import dev.fusebox.console.feed.EnsembleAuditLine;
import dev.fusebox.console.feed.EnsembleSnapshot;
import dev.fusebox.console.operator.EnsembleAction;
import dev.fusebox.console.operator.EnsembleOperations;
import dev.fusebox.console.operator.EnsembleOutcome;
import dev.fusebox.console.operator.EnsembleProfile;
import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetAccessException;
import dev.fusebox.ft.fleet.client.FleetAcl;
import dev.fusebox.ft.fleet.client.FleetActionResult;
import dev.fusebox.ft.fleet.client.FleetApplied;
import dev.fusebox.ft.fleet.client.FleetAuditRecord;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.FleetOperator;
import dev.fusebox.ft.fleet.client.FleetSnapshot;
import dev.fusebox.ft.fleet.client.FleetView;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's connection to a fleet's ZooKeeper ensemble, through the fleet client's API only:
 * one {@link FleetConnection} logged in with the profile's digest login, one {@link FleetView}
 * (one watch on {@code <root>/apps}) whose coalesced snapshots go to the screen, and one
 * {@link FleetOperator} for the fleet-wide actions (one transaction each: the action's node and its
 * audit entry), each followed by {@code awaitApplied} for at most {@link #applyWait}. Once the first
 * snapshot lists an application, a probe that writes nothing ({@code checkCanWrite}) finds out
 * whether this login may write actions at all (ZooKeeper's digest scheme accepts a wrong password
 * at login), and every later snapshot carries its refusal.
 *
 * <p>Thread-safety: thread-safe.
 *
 * <p>Implementation notes. Threads: callers (the FX thread) only enqueue; the worker thread
 * {@code fusebox-console-ensemble} runs connect, disconnect, actions, audit reads and the write
 * probe one at a time, in the order asked, and alone reads and writes the session fields
 * ({@code connection}, {@code view}, {@code operator}); the fleet view's own thread delivers
 * snapshots. Invariants: at most one session is open; a snapshot reaches the screen only while
 * its session is the current one ({@code generation}, volatile, incremented on the caller's thread
 * by disconnect and close and on the worker by connect, before the old session is closed). Races,
 * and why they are harmless: a snapshot the view's thread had already checked may arrive once after
 * the generation moved on (the screen shows a session's last state until the next one's first, or
 * a disconnect's cleared state is overwritten by it once: the next connect or snapshot replaces it);
 * {@code latest} and {@code writeRefusal} are volatile single references, read by the worker for the
 * audit's applications and written by one thread each, so a reader sees one whole value. Actions
 * queue behind an action's wait for acknowledgements ({@link #applyWait}, 5 s in the console), so
 * two actions never interleave their transactions and outcomes.
 */
public final class ZooKeeperEnsemble implements EnsembleOperations, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ZooKeeperEnsemble.class.getName());

    private final EnsembleProfileStore profiles;
    private final Duration applyWait;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fusebox-console-ensemble");
        t.setDaemon(true);
        return t;
    });
    private volatile int generation;
    /** The session's last snapshot (written by the view's thread), for the audit's list of applications. */
    private volatile FleetSnapshot latest;
    /** The session's write refusal (written by the worker), carried by every snapshot; empty when none. */
    private volatile String writeRefusal = "";
    // the session: touched on the worker thread only
    private FleetConnection connection;
    private FleetView view;
    private FleetOperator operator;

    /**
     * @param profiles  where profiles are saved
     * @param applyWait how long an action waits for the instances' acknowledgements before it reports
     *                  who is missing
     */
    public ZooKeeperEnsemble(EnsembleProfileStore profiles, Duration applyWait) {
        this.profiles = profiles;
        this.applyWait = applyWait;
    }

    @Override
    public void connect(EnsembleProfile profile, char[] password, boolean saveProfile,
                        Consumer<EnsembleSnapshot> snapshots) {
        char[] copy = password.clone();
        worker.execute(() -> {
            closeSession();
            int session = ++generation;
            if (saveProfile) {
                save(profile);
            }
            try {
                FleetLayout layout = new FleetLayout(profile.root());
                FleetAcl acl = profile.protectedFleet() ? FleetAcl.of(layout, profile.operatorIds(),
                        profile.instanceIds(), profile.viewerIds()) : FleetAcl.open(layout);
                boolean login = !profile.user().isEmpty();
                FleetAccess access = new FleetAccess(profile.address(), layout, login ? profile.user() : null,
                        login ? new String(copy) : null, acl, FleetAccess.DEFAULT_SESSION,
                        FleetAccess.DEFAULT_CONNECTION);
                connection = FleetConnection.start(access);
                operator = new FleetOperator(connection, login ? profile.user() : operatorName());
                snapshots.accept(EnsembleSnapshot.none("connecting to " + access + " ..."));
                AtomicBoolean probed = new AtomicBoolean();
                view = FleetView.watch(connection, s -> {
                    if (generation == session) {
                        latest = s;
                        if (!s.applications().isEmpty() && probed.compareAndSet(false, true)) {
                            worker.execute(() -> probeWriting(session, s.applications().keySet().iterator().next(),
                                    snapshots));
                        }
                        snapshots.accept(convert(s, writeRefusal));
                    }
                });
            } catch (RuntimeException refused) {
                closeSession();
                snapshots.accept(EnsembleSnapshot.none("cannot connect to " + profile.describe() + ": "
                        + refused.getMessage()));
            } finally {
                Arrays.fill(copy, '\0');
            }
        });
    }

    /** On the worker: may this login write the application's actions? A refusal goes out with a snapshot. */
    private void probeWriting(int session, String application, Consumer<EnsembleSnapshot> snapshots) {
        if (generation != session || operator == null) {
            return;
        }
        try {
            operator.checkCanWrite(application);
        } catch (FleetAccessException refused) {
            writeRefusal = refused.getMessage();
            snapshots.accept(convert(latest, writeRefusal));
        } catch (RuntimeException unknown) {
            // not answered (e.g. the ensemble went away): the first action will tell
            LOG.log(System.Logger.Level.WARNING, "could not check whether " + connection + " may write in "
                    + application + ": " + unknown.getMessage());
        }
    }

    private void save(EnsembleProfile profile) {
        try {
            profiles.save(profile);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the fleet profile to " + profiles.file(), e);
        }
    }

    /** The operator name of an anonymous login (an open fleet): the console user's. */
    private static String operatorName() {
        String name = System.getProperty("user.name", "console");
        return name.isBlank() ? "console" : name.strip();
    }

    static EnsembleSnapshot convert(FleetSnapshot s, String refusal) {
        Map<String, EnsembleSnapshot.Application> apps = new LinkedHashMap<>();
        s.applications().forEach((name, app) -> apps.put(name,
                new EnsembleSnapshot.Application(app.name(), app.members(), app.forced())));
        return new EnsembleSnapshot(s.connected(), s.connection(), apps, s.problems(), refusal);
    }

    @Override
    public void disconnect() {
        generation++;
        worker.execute(this::closeSession);
    }

    @Override
    public List<EnsembleProfile> savedProfiles() {
        try {
            return profiles.load();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the fleet profiles in " + profiles.file(), e);
            return List.of();
        }
    }

    @Override
    public CompletableFuture<EnsembleOutcome> act(EnsembleAction action) {
        return CompletableFuture.supplyAsync(() -> {
            if (operator == null) {
                return new EnsembleOutcome(action, EnsembleOutcome.Result.FAILED, "", "not connected to a fleet");
            }
            try {
                return outcome(action, write(action));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new EnsembleOutcome(action, EnsembleOutcome.Result.UNKNOWN, "", "interrupted: " + e);
            } catch (RuntimeException refused) {
                return new EnsembleOutcome(action, EnsembleOutcome.Result.FAILED, "", refused.getMessage());
            }
        }, worker);
    }

    private FleetActionResult write(EnsembleAction a) {
        return switch (a.action()) {
            case FORCE_OPEN -> operator.forceOpen(a.application(), a.target(), a.reason(), a.expiry());
            case FORCE_CLOSED -> operator.forceClosed(a.application(), a.target(), a.reason(), a.expiry());
            case RELEASE -> operator.release(a.application(), a.target(), a.reason());
            case RESET -> operator.reset(a.application(), a.target(), a.reason());
        };
    }

    private EnsembleOutcome outcome(EnsembleAction action, FleetActionResult written) throws InterruptedException {
        switch (written.outcome()) {
            case FAILED:
                return new EnsembleOutcome(action, EnsembleOutcome.Result.FAILED, written.actionId(), written.message());
            case UNKNOWN:
                return new EnsembleOutcome(action, EnsembleOutcome.Result.UNKNOWN, written.actionId(),
                        written.message());
            default:
                FleetApplied applied = operator.awaitApplied(action.application(), written.actionId(), applyWait);
                return new EnsembleOutcome(action, applied.everywhere() ? EnsembleOutcome.Result.APPLIED
                        : EnsembleOutcome.Result.PARTLY, written.actionId(), applied.summary());
        }
    }

    @Override
    public CompletableFuture<List<EnsembleAuditLine>> audit(int newestPerApplication) {
        return CompletableFuture.supplyAsync(() -> {
            List<EnsembleAuditLine> lines = new ArrayList<>();
            if (operator == null) {
                return lines;
            }
            FleetSnapshot known = latest != null ? latest : view.snapshot();
            for (String app : new TreeSet<>(known.applications().keySet())) {
                for (FleetAuditRecord r : operator.audit(app, newestPerApplication)) {
                    lines.add(new EnsembleAuditLine(app, r.entry(), r.audit(), r.acks()));
                }
            }
            return lines;
        }, worker);
    }

    private void closeSession() {
        if (view != null) {
            view.close();
        }
        if (connection != null) {
            connection.close();
        }
        view = null;
        connection = null;
        operator = null;
        latest = null;
        writeRefusal = "";
    }

    @Override
    public void close() {
        generation++;
        worker.execute(this::closeSession);
        worker.shutdown();
    }
}
