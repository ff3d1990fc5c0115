package dev.fusebox.console.app;

import dev.fusebox.console.connect.ConsoleSettings;
import dev.fusebox.console.connect.EnsembleProfileStore;
import dev.fusebox.console.connect.Fleet;
import dev.fusebox.console.connect.LocalJvmDiscovery;
import dev.fusebox.console.connect.ProfileStore;
import dev.fusebox.console.connect.PrometheusRateSource;
import dev.fusebox.console.connect.ZooKeeperEnsemble;
import dev.fusebox.console.feed.FleetFeed;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.FleetConnections;
import dev.fusebox.console.operator.LocalJvm;
import dev.fusebox.console.view.ConsoleView;
import dev.fusebox.console.view.UiDispatcher;
import dev.fusebox.console.viewmodel.ConnectionsViewModel;
import dev.fusebox.console.viewmodel.ConsoleViewModel;
import dev.fusebox.console.viewmodel.EnsembleViewModel;
import dev.fusebox.console.viewmodel.GameDayViewModel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One console: the feed, the connections, the view-models, the dispatcher onto the FX thread and the
 * view, wired together. It serves the view-models' {@link FleetConnections} port over the
 * {@link Fleet}, the {@link ProfileStore} and {@link LocalJvmDiscovery}; the fleet screen's
 * {@link EnsembleViewModel} talks to a {@link ZooKeeperEnsemble} (its profiles beside the JMX ones)
 * and takes its rates from a {@link PrometheusRateSource} (at the JMX poll cadence).
 *
 * <p>Thread-safety: create and use it on the FX thread; slow work (saving a profile, finding local
 * JVMs) runs on its own daemon thread, {@code fusebox-console-background}. {@link #close()} ends a
 * game day (healing its injectors), then stops every connection (the ensemble's too) and that thread.
 */
public final class Console implements FleetConnections, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Console.class.getName());
    /** How long a fleet-wide action waits for the instances' acknowledgements before saying who is missing. */
    private static final Duration APPLY_WAIT = Duration.ofSeconds(5);
    /** The longest wait for one answer of the fleet's Prometheus server. */
    private static final Duration PROMETHEUS_TIMEOUT = Duration.ofSeconds(3);

    private final FleetFeed feed = new FleetFeed();
    private final Fleet fleet;
    private final ZooKeeperEnsemble ensemble;
    private final PrometheusRateSource rates;
    private final EnsembleViewModel ensembleViewModel;
    private final ConsoleViewModel viewModel;
    private final GameDayViewModel gameDay;
    private final UiDispatcher dispatcher;
    private final ConsoleView view;
    private final ProfileStore profiles;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fusebox-console-background");
        t.setDaemon(true);
        return t;
    });

    public Console(ConsoleSettings settings, ProfileStore profiles) {
        this.profiles = profiles;
        this.fleet = new Fleet(feed, settings);
        ConsoleViewModel[] vm = new ConsoleViewModel[1];
        GameDayViewModel[] gd = new GameDayViewModel[1];
        this.dispatcher = new UiDispatcher(s -> {
            vm[0].apply(s);
            gd[0].apply(s);
        });
        this.viewModel = new ConsoleViewModel(fleet, dispatcher);
        vm[0] = viewModel;
        this.gameDay = new GameDayViewModel(fleet, dispatcher, viewModel.chartMarks());
        gd[0] = gameDay;
        feed.addListener(dispatcher);
        this.ensemble = new ZooKeeperEnsemble(EnsembleProfileStore.besides(profiles), APPLY_WAIT);
        this.rates = new PrometheusRateSource(settings.pollInterval(), PROMETHEUS_TIMEOUT);
        this.ensembleViewModel = new EnsembleViewModel(ensemble, rates, dispatcher);
        this.view = new ConsoleView(viewModel, new ConnectionsViewModel(this, dispatcher), ensembleViewModel, gameDay);
        dispatcher.start();
    }

    public ConsoleView view() {
        return view;
    }

    public ConsoleViewModel viewModel() {
        return viewModel;
    }

    public Fleet fleet() {
        return fleet;
    }

    /** The game-day screen's state. */
    public GameDayViewModel gameDay() {
        return gameDay;
    }

    /** The fleet screen's state (a fleet registered in a ZooKeeper ensemble). */
    public EnsembleViewModel ensembleViewModel() {
        return ensembleViewModel;
    }

    @Override
    public void connect(ConnectionProfile profile, char[] password, boolean saveProfile) {
        fleet.connect(profile, password);
        if (saveProfile) {
            background.execute(() -> {
                try {
                    profiles.save(profile);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot save the profile to " + profiles.file(), e);
                }
            });
        }
    }

    @Override
    public void disconnect(String jvm) {
        // a game day against it heals its injectors first, over the connection that is about to close
        gameDay.beforeDisconnect(jvm).whenComplete((done, failed) -> fleet.disconnect(jvm));
    }

    @Override
    public void reconnect(String jvm) {
        fleet.reconnect(jvm);
    }

    @Override
    public List<ConnectionProfile> savedProfiles() {
        try {
            return profiles.load();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the profiles in " + profiles.file(), e);
            return List.of();
        }
    }

    @Override
    public boolean localDiscoveryAvailable() {
        return LocalJvmDiscovery.available();
    }

    @Override
    public CompletableFuture<List<LocalJvm>> discoverLocalJvms() {
        return CompletableFuture.supplyAsync(() -> new LocalJvmDiscovery().discover(), background);
    }

    @Override
    public void close() {
        gameDay.close();
        dispatcher.stop();
        fleet.close();
        ensemble.close();
        rates.close();
        background.shutdownNow();
    }
}
