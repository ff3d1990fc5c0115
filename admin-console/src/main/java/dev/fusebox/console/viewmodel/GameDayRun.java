package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.operator.FaultInjection;
import dev.fusebox.console.operator.InjectorOutcome;
import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.FaultStep;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * One game day: an experiment's fault schedule run against one JVM's fault injectors, second 0 being
 * Start. At each step's start its fault is switched on, at its end taken back; when the schedule
 * ends, when it is aborted, and when the JVM is lost, disconnected or the console closes, every
 * injector it touched is healed ({@code heal()}). A heal that fails is said in the status and kept:
 * {@link #healAgain()} tries it again (when the JVM is back). It writes what it does into the screen's
 * {@link Outputs}: the schedule's rows, the log, the status, and the chart marks of its JVM.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread (the test thread in tests). The
 * timer's tasks and the injectors' answers come back onto it through {@code ui}.
 */
final class GameDayRun {

    /** Where a run shows itself: the screen's observable state. */
    record Outputs(ObservableList<GameDayStep> steps, ObservableList<String> log, StringProperty status,
                   BooleanProperty running, ObservableMap<String, ChartMarks> marks) {
    }

    /** The log keeps the newest lines only (a JVM that comes and goes makes a line per heal). */
    static final int MAX_LOG_LINES = 200;

    private final String jvm;
    private final Experiment experiment;
    private final FaultInjection injectors;
    private final Executor ui;
    private final StepTimer timer;
    private final Outputs out;
    private final long[] on;
    private final long[] off;
    private final Set<String> touched = new LinkedHashSet<>();
    private final Set<String> unhealed = new LinkedHashSet<>();
    private final List<Runnable> cancels = new ArrayList<>();
    private final List<Long> opens = new ArrayList<>();
    private long startedAt;
    private boolean running;
    private CompletableFuture<Void> healing;
    private boolean detectOpen;
    private String detection = "";

    GameDayRun(String jvm, Experiment experiment, FaultInjection injectors, Executor ui, StepTimer timer,
               Outputs out) {
        this.jvm = jvm;
        this.experiment = experiment;
        this.injectors = injectors;
        this.ui = ui;
        this.timer = timer;
        this.out = out;
        this.on = new long[experiment.faults().size()];
        this.off = new long[experiment.faults().size()];
    }

    String jvm() {
        return jvm;
    }

    boolean running() {
        return running;
    }

    /** Whether an injector it touched could not be healed (yet). */
    boolean unhealed() {
        return !unhealed.isEmpty();
    }

    void start(String reason) {
        startedAt = timer.nowMillis();
        running = true;
        out.running().set(true);
        log("started " + experiment.name() + " on " + jvm + "; reason: " + reason);
        List<FaultStep> faults = experiment.faults();
        for (int i = 0; i < faults.size(); i++) {
            int step = i;
            at(faults.get(i).atSecond(), () -> switchOn(step));
            at(faults.get(i).endSecond(), () -> takeBack(step));
        }
        at(experiment.faultEndSecond(), () -> end("Schedule ended"));
        show();
    }

    private void at(int second, Runnable onUi) {
        cancels.add(timer.after(second * 1000L, () -> ui.execute(onUi)));
    }

    private void switchOn(int i) {
        if (!running) {
            return;
        }
        FaultStep step = experiment.faults().get(i);
        touched.add(step.dependency());
        on[i] = timer.nowMillis();
        setStep(i, "switching on");
        injectors.inject(jvm, step).thenAcceptAsync(o -> {
            if (o.done() && running) {
                setStep(i, "ON");
            } else if (!o.done()) {
                on[i] = 0;
                setStep(i, "FAILED: " + o.detail());
            }
            log(step.describe() + (o.done() ? ": on" : ": NOT switched on: " + o.detail()));
            show();
        }, ui);
        show();
    }

    private void takeBack(int i) {
        if (!running || on[i] == 0) {
            return;
        }
        FaultStep step = experiment.faults().get(i);
        off[i] = timer.nowMillis();
        injectors.revert(jvm, step).thenAcceptAsync(o -> {
            setStep(i, o.done() ? "taken back" : "FAILED to take back: " + o.detail());
            log(step.describe() + (o.done() ? ": taken back" : ": NOT taken back: " + o.detail()));
            show();
        }, ui);
        show();
    }

    /**
     * Stops the schedule (if it runs) and heals every injector it touched.
     *
     * @param why what ended it, the start of the status ({@code Aborted by the operator})
     * @return completes once every injector answered, on the injectors' threads (before the status shows it)
     */
    CompletableFuture<Void> end(String why) {
        if (!running && unhealed.isEmpty()) {
            return healing != null ? healing : CompletableFuture.completedFuture(null);
        }
        if (running) {
            running = false;
            out.running().set(false);
            cancels.forEach(Runnable::run);
            long now = timer.nowMillis();
            for (int i = 0; i < on.length; i++) {
                if (on[i] != 0 && off[i] == 0) {
                    off[i] = now;
                }
                GameDayStep row = out.steps().get(i);
                if (row.state().equals("planned")) {
                    out.steps().set(i, row.in("not run"));
                }
            }
            log(why.toLowerCase(Locale.ROOT) + "; healing " + (touched.isEmpty() ? "nothing: no fault was switched on"
                    : String.join(", ", touched)));
            unhealed.addAll(touched);
        }
        return heal(why);
    }

    /** Tries again to heal what could not be healed; nothing when all was. */
    CompletableFuture<Void> healAgain() {
        return heal("Healed again");
    }

    private CompletableFuture<Void> heal(String why) {
        if (healing != null && !healing.isDone()) {
            return healing;
        }
        List<String> dependencies = List.copyOf(unhealed);
        List<CompletableFuture<Map.Entry<String, InjectorOutcome>>> answers = dependencies.stream()
                .map(d -> injectors.heal(jvm, d).thenApply(o -> Map.entry(d, o))).toList();
        healing = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
        healing.thenRunAsync(() -> {
            List<String> failed = new ArrayList<>();
            for (var answer : answers) {
                Map.Entry<String, InjectorOutcome> healed = answer.join();
                if (healed.getValue().done()) {
                    unhealed.remove(healed.getKey());
                } else {
                    failed.add(healed.getKey() + " (" + healed.getValue().detail() + ")");
                }
            }
            log(failed.isEmpty() ? "healed " + (dependencies.isEmpty() ? "nothing" : String.join(", ", dependencies))
                    : "HEALING FAILED: " + String.join(", ", failed));
            out.status().set(why + " on " + jvm + (failed.isEmpty() ? (dependencies.isEmpty() ? "; nothing to heal"
                    : "; healed " + String.join(", ", dependencies)) : "; HEALING FAILED for " + String.join(", ", failed)
                    + ": heal it by hand (the injector's heal()); the console tries again when " + jvm + " is back")
                    + detection);
        }, ui);
        show();
        return healing;
    }

    /** Looks for the experiment's detect breaker in the latest poll of the JVM. */
    void watchDetectBreaker(JvmSnapshot s) {
        for (BreakerSnapshot b : s.breakers()) {
            if (b.key().name().equals(experiment.detectBreaker())) {
                detectBreaker("OPEN".equals(b.reading().state()), b.rates().atMillis() - b.reading().timeInStateMillis());
            }
        }
    }

    /**
     * The detect breaker is {@code open} since {@code sinceMillis} (the poll's time less its time in
     * state). Its first opening after the first fault went on is the time to detect.
     */
    private void detectBreaker(boolean open, long sinceMillis) {
        if (open && !detectOpen && sinceMillis >= startedAt) {
            opens.add(sinceMillis);
            long firstFault = firstFaultOn();
            if (detection.isEmpty() && firstFault != 0 && sinceMillis >= firstFault) {
                detection = String.format(Locale.ROOT, "; %s OPEN %.1f s after the first fault (at +%.1f s)",
                        experiment.detectBreaker().substring(experiment.detectBreaker().lastIndexOf('.') + 1),
                        (sinceMillis - firstFault) / 1000.0, (sinceMillis - startedAt) / 1000.0);
                log("detected:" + detection.substring(1));
            }
            show();
        }
        detectOpen = open;
    }

    private long firstFaultOn() {
        long first = 0;
        for (long t : on) {
            first = t != 0 && (first == 0 || t < first) ? t : first;
        }
        return first;
    }

    private void setStep(int i, String state) {
        out.steps().set(i, out.steps().get(i).in(state));
    }

    /** The status while running, and the chart marks. */
    private void show() {
        List<FaultWindow> windows = new ArrayList<>();
        List<String> ongoing = new ArrayList<>();
        for (int i = 0; i < on.length; i++) {
            if (on[i] != 0) {
                String label = experiment.faults().get(i).describe();
                windows.add(new FaultWindow(on[i], off[i] == 0 ? FaultWindow.ONGOING : off[i], label));
                if (off[i] == 0) {
                    ongoing.add(label);
                }
            }
        }
        out.marks().put(jvm, new ChartMarks(windows, opens, experiment.detectBreaker()));
        if (running) {
            out.status().set("Running " + experiment.name() + " on " + jvm + " until +" + experiment.faultEndSecond()
                    + " s: " + (ongoing.isEmpty() ? "no fault on" : String.join(", ", ongoing) + " on") + detection);
        }
    }

    private void log(String line) {
        if (out.log().size() >= MAX_LOG_LINES) {
            out.log().remove(MAX_LOG_LINES - 1, out.log().size());
        }
        out.log().add(0, String.format(Locale.ROOT, "+%.1f s  %s", (timer.nowMillis() - startedAt) / 1000.0, line));
    }
}
