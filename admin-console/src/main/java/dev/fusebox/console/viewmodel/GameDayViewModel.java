package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.operator.FaultInjection;
import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.ExperimentParser;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The "Game day" screen: an experiment file (the chaos runner's format, read by its bounded
 * parser; a mistake shows as {@code file:line: what}), the connected JVM to run it against, its fault
 * schedule, a reason, and the run itself ({@link GameDayRun}) with Abort. Start is refused, with the
 * reason, for a viewer's login or a JVM that is not connected, like the other actions. The console
 * generates no load: the service's own traffic (the demo shop's) meets the faults.
 *
 * <p>The schedule runs on one daemon thread, the {@link StepTimer}, owned here and stopped by
 * {@link #close()}, which first heals what the run touched.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread (the test thread in the view-model
 * tests). Snapshots reach {@link #apply} on it through the {@code UiDispatcher}.
 */
public final class GameDayViewModel implements AutoCloseable {

    static final int MAX_PATH_CHARS = 4096;
    static final int MAX_REASON_CHARS = 500;
    private static final long HEAL_ON_CLOSE_SECONDS = 5;

    private final FaultInjection injectors;
    private final Executor ui;
    private final StepTimer timer;
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final StringProperty parseError = new SimpleStringProperty(this, "parseError", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<Experiment> experiment = new SimpleObjectProperty<>(this, "experiment");
    private final ObservableList<String> jvms = FXCollections.observableArrayList();
    private final ObjectProperty<String> jvm = new SimpleObjectProperty<>(this, "jvm");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty startProblem = new SimpleStringProperty(this, "startProblem", "");
    private final StringProperty confirmProblem = new SimpleStringProperty(this, "confirmProblem", "");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final GameDayRun.Outputs out;
    private final Map<String, JvmSnapshot> snapshots = new LinkedHashMap<>();
    private GameDayRun run;
    private boolean runJvmConnected = true;

    /** With the console's timer: the wall clock and one daemon thread. */
    public GameDayViewModel(FaultInjection injectors, Executor ui, ObservableMap<String, ChartMarks> marks) {
        this(injectors, ui, StepTimer.daemon(), marks);
    }

    /**
     * @param ui    runs work finished elsewhere (timer, injectors) on the thread that owns this view-model
     * @param marks where the runs put their chart marks, per JVM (the console's breaker detail reads them)
     */
    public GameDayViewModel(FaultInjection injectors, Executor ui, StepTimer timer,
                            ObservableMap<String, ChartMarks> marks) {
        this.injectors = injectors;
        this.ui = ui;
        this.timer = timer;
        this.out = new GameDayRun.Outputs(FXCollections.observableArrayList(), FXCollections.observableArrayList(),
                new SimpleStringProperty(this, "status", "No game day yet."), running, marks);
        jvm.addListener((o, was, now) -> refresh());
        reason.addListener((o, was, now) -> refresh());
        running.addListener((o, was, now) -> refresh());
        refresh();
    }

    /** Reads the experiment file named by {@link #pathProperty()}; a mistake leaves no experiment and says where. */
    public void load() {
        if (running.get()) {
            return;
        }
        experiment.set(null);
        out.steps().clear();
        description.set("");
        String file = path.get() == null ? "" : path.get().strip();
        try {
            if (file.isEmpty() || file.length() > MAX_PATH_CHARS) {
                throw new IllegalArgumentException(file.isEmpty() ? "Give the experiment file's path."
                        : "The path has " + file.length() + " characters; at most " + MAX_PATH_CHARS + ".");
            }
            Experiment e = ExperimentParser.parse(Path.of(file));
            experiment.set(e);
            out.steps().setAll(e.faults().stream().map(f -> new GameDayStep(f, "planned")).toList());
            description.set(e.hypothesis() + "\nDetected by " + e.detectBreaker() + "; the schedule ends at +"
                    + e.faultEndSecond() + " s. Dependencies: " + String.join(", ", e.dependencies()) + ".");
            parseError.set("");
        } catch (InvalidPathException e) {
            parseError.set(file + ": not a path: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // an ExperimentFileException says file:line: what
            parseError.set(e.getMessage());
        } catch (NoSuchFileException e) {
            parseError.set(file + ": no such file");
        } catch (IOException e) {
            parseError.set(file + ": cannot read it: " + e.getMessage());
        }
        refresh();
    }

    /** Folds in the latest snapshot of one JVM: the choice of JVMs, and the run's JVM's state. */
    public void apply(JvmSnapshot s) {
        if (s.removed()) {
            snapshots.remove(s.jvm());
        } else {
            snapshots.put(s.jvm(), s);
        }
        if (!jvms.equals(List.copyOf(snapshots.keySet()))) {
            jvms.setAll(snapshots.keySet());
        }
        if (jvm.get() != null && !snapshots.containsKey(jvm.get())) {
            jvm.set(null);
        }
        if (jvm.get() == null && jvms.size() == 1) {
            jvm.set(jvms.get(0));
        }
        if (run != null && run.jvm().equals(s.jvm())) {
            boolean connected = !s.removed() && s.connection().isConnected();
            if (!connected && run.running()) {
                run.end(s.removed() ? "Stopped: disconnected" : "Stopped: the connection was lost");
            } else if (connected) {
                run.watchDetectBreaker(s);
                if (!runJvmConnected && !run.running() && run.unhealed()) {
                    run.healAgain();
                }
            }
            runJvmConnected = connected;
        }
        refresh();
    }

    /** What Confirm will do, for the confirmation step. */
    public String confirmation() {
        Experiment e = experiment.get();
        if (e == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("Switch these faults on in " + jvm.get() + " (second 0 is Start):");
        e.faults().forEach(f -> text.append("\n  ").append(f.describe()).append(" from +").append(f.atSecond())
                .append(" s to +").append(f.endSecond()).append(" s"));
        return text.append("\nEvery injector it touches is healed at +").append(e.faultEndSecond())
                .append(" s, on Abort, on disconnect and when the console closes.").toString();
    }

    /** Starts the loaded experiment on the chosen JVM (after the view's confirmation); false when not allowed now. */
    public boolean start() {
        refresh();
        if (!confirmProblem.get().isEmpty()) {
            return false;
        }
        Experiment e = experiment.get();
        out.steps().setAll(e.faults().stream().map(f -> new GameDayStep(f, "planned")).toList());
        out.log().clear();
        run = new GameDayRun(jvm.get(), e, injectors, ui, timer, out);
        runJvmConnected = true;
        run.start(reason.get().strip());
        return true;
    }

    /** Stops the run and heals at once every injector it touched. */
    public void abort() {
        if (run != null && run.running()) {
            run.end("Aborted by the operator");
        }
    }

    /**
     * The console is about to disconnect from {@code jvm}: a run against it stops and heals first.
     *
     * @return completes once the injectors answered (at most a few seconds; then the disconnect goes on)
     */
    public CompletableFuture<Void> beforeDisconnect(String jvm) {
        if (run == null || !run.jvm().equals(jvm)) {
            return CompletableFuture.completedFuture(null);
        }
        return run.end("Stopped: the console disconnects")
                .completeOnTimeout(null, HEAL_ON_CLOSE_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops a run, heals what it touched (waiting a few seconds at most), and stops the timer. */
    @Override
    public void close() {
        try {
            if (run != null) {
                run.end("Stopped: the console closes").get(HEAL_ON_CLOSE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.getLogger(GameDayViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "the game day's injectors may not be healed: " + e);
        } finally {
            timer.close();
        }
    }

    private void refresh() {
        String chosen = jvm.get();
        JvmSnapshot s = chosen == null ? null : snapshots.get(chosen);
        String text = reason.get() == null ? "" : reason.get().strip();
        startProblem.set(running.get() ? "A game day is running on " + run.jvm() + ": abort it first."
                : experiment.get() == null ? "Load an experiment file first."
                : s == null ? "Choose a connected JVM."
                : !s.connection().isConnected() ? chosen + " is not connected"
                : !s.permission().actionsAllowed() ? "actions disabled on " + chosen + ": " + s.permission().reason()
                : "");
        confirmProblem.set(!startProblem.get().isEmpty() ? startProblem.get()
                : text.isEmpty() ? "Give a reason (it goes into the game-day log)."
                : text.length() > MAX_REASON_CHARS ? "The reason has " + text.length() + " characters; at most "
                + MAX_REASON_CHARS + "." : "");
    }

    public StringProperty pathProperty() {
        return path;
    }

    /** Empty, or why the file cannot be used ({@code outage.exp:12: ...}). */
    public ReadOnlyStringProperty parseErrorProperty() {
        return parseError;
    }

    /** The loaded experiment's hypothesis, detect breaker and dependencies. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    /** The connected (and last known) JVMs to choose from. */
    public ObservableList<String> jvms() {
        return jvms;
    }

    public ObjectProperty<String> jvmProperty() {
        return jvm;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Empty when Start may be offered; otherwise why not (shown beside the disabled button). */
    public ReadOnlyStringProperty startProblemProperty() {
        return startProblem;
    }

    /** Empty when the confirmation may go: Start may be offered and a reason is given; otherwise why not. */
    public ReadOnlyStringProperty confirmProblemProperty() {
        return confirmProblem;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The schedule: one row per step, with where it stands. */
    public ObservableList<GameDayStep> steps() {
        return out.steps();
    }

    /** What the run did, newest first, with the second since Start. */
    public ObservableList<String> log() {
        return out.log();
    }

    /** What runs now, or how the last run ended (healed, or what could not be healed), and the time to detect. */
    public ReadOnlyStringProperty statusProperty() {
        return out.status();
    }
}
