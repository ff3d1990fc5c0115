package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.BulkheadSnapshot;
import dev.fusebox.console.feed.RatePoint;
import dev.fusebox.ft.management.CircuitBreakerSettings;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.StateTransition;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The detail of the selected breaker: its rates over time, window, transitions, configuration,
 * bulkheads, and the audited operator actions on it. While its JVM is not connected the detail is
 * the last known one and says so: the chart is not live ({@link #liveProperty()}), its note gives the
 * time of the last reading and its time axis counts back from that reading, not from now. A breaker
 * that is not closed shows the ratio that tripped it (its own window is empty while open). A breaker
 * in shadow mode says so at the end of its state line, with the calls it would have rejected.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests).
 */
public final class BreakerDetail {

    private static final String LIVE_AXIS = "seconds ago";

    private final StringProperty title = new SimpleStringProperty(this, "title", "No breaker selected");
    private final StringProperty stateText = new SimpleStringProperty(this, "stateText", "");
    private final StringProperty forcing = new SimpleStringProperty(this, "forcing", "");
    private final StringProperty window = new SimpleStringProperty(this, "window", "");
    private final StringProperty configuration = new SimpleStringProperty(this, "configuration", "");
    private final StringProperty counters = new SimpleStringProperty(this, "counters", "");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private final StringProperty chartNote = new SimpleStringProperty(this, "chartNote", "");
    private final StringProperty timeAxisLabel = new SimpleStringProperty(this, "timeAxisLabel", LIVE_AXIS);
    private final ObservableList<RatePoint> history = FXCollections.observableArrayList();
    private final ObservableList<String> transitions = FXCollections.observableArrayList();
    private final ObservableList<BulkheadGauge> bulkheads = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> audit = FXCollections.observableArrayList();
    private final ObjectProperty<ChartMarks> marks = new SimpleObjectProperty<>(this, "marks", ChartMarks.NONE);
    private BreakerSnapshot shown;

    void show(BreakerSnapshot s, List<BulkheadSnapshot> bulkheadsOfApplication, boolean jvmConnected) {
        BreakerReading r = s.reading();
        title.set(r.key().name() + "  (" + r.key().application() + " @ " + r.key().jvm() + ")");
        stateText.set(r.state() + " for " + Formats.duration(r.timeInStateMillis()) + (jvmConnected ? "" : " (last known)")
                + trials(r) + (s.lastCause().isEmpty() ? "" : ", because: " + s.lastCause())
                + (r.shadow() ? "; SHADOW mode: rejects nothing, " + r.wouldReject() + " calls would have been rejected"
                : ""));
        live.set(jvmConnected);
        long lastReading = s.rates().atMillis();
        String at = lastReading > 0 ? Formats.clock(lastReading) : "";
        chartNote.set(jvmConnected ? "" : at.isEmpty() ? "Not live: nothing read yet (JVM not connected)"
                : "Not live: last reading at " + at + " (JVM not connected)");
        timeAxisLabel.set(jvmConnected || at.isEmpty() ? LIVE_AXIS : "seconds before " + at);
        Forcing f = r.forcing();
        forcing.set(f == null ? "automatic" : "forced " + f.state() + " by " + f.by() + " since "
                + Formats.dateTime(f.sinceEpochMillis()) + (f.untilEpochMillis() > 0
                ? " until " + Formats.dateTime(f.untilEpochMillis()) : " until released") + ": " + f.reason());
        window.set((r.windowRecorded() == 0 ? "empty" : r.window() + "  (" + r.windowFailures() + " of "
                + r.windowRecorded() + " failed, " + Formats.percent(r.failureRatio()) + ")")
                + r.lastTrip().map(t -> "; tripped at " + Formats.trip(t)).orElse(""));
        CircuitBreakerSettings c = r.settings();
        configuration.set(c == null ? "not read" : "requestVolumeThreshold " + c.requestVolumeThreshold()
                + ", failureRatio " + c.failureRatio() + ", delay " + c.delayMillis() + " ms, successThreshold "
                + c.successThreshold());
        counters.set(r.calls() + " calls, " + r.successes() + " ok, " + r.failures() + " failed, " + r.rejections()
                + " rejected, opened " + r.timesOpened() + " times");
        if (shown == null || !shown.history().equals(s.history())) {
            history.setAll(s.history());
        }
        if (shown == null || !shown.reading().transitions().equals(r.transitions())) {
            List<String> lines = new ArrayList<>();
            List<StateTransition> list = r.transitions();
            for (int i = list.size() - 1; i >= 0; i--) {
                StateTransition t = list.get(i);
                lines.add(Formats.dateTime(t.atEpochMillis()) + "  " + t.from() + " -> " + t.to() + "  " + t.cause()
                        + (t.forcedBy() == null ? "" : "  [forced by " + t.forcedBy() + "]"));
            }
            transitions.setAll(lines);
        }
        List<BulkheadGauge> gauges = new ArrayList<>();
        for (BulkheadSnapshot b : bulkheadsOfApplication) {
            boolean same = b.key().equals(r.key());
            BulkheadGauge g = BulkheadGauge.of(b, same);
            if (same) {
                gauges.add(0, g);
            } else {
                gauges.add(g);
            }
        }
        if (!gauges.equals(bulkheads)) {
            bulkheads.setAll(gauges);
        }
        shown = s;
    }

    /**
     * A half-open breaker's trials: how many run, of how many admitted, and whether every trial
     * permit is taken (then every other call is refused until a trial returns).
     */
    private static String trials(BreakerReading r) {
        if (!"HALF_OPEN".equals(r.state())) {
            return "";
        }
        CircuitBreakerSettings c = r.settings();
        boolean noneLeft = c != null && r.trialsInFlight() > 0 && r.trialsAdmitted() >= c.successThreshold();
        return ", " + Formats.trialsInFlight(r.trialsInFlight()) + " of " + r.trialsAdmitted() + " admitted"
                + (noneLeft ? " (no trial left: other calls are refused until one returns)" : "");
    }

    void showAudit(List<AuditRow> rows) {
        if (!audit.equals(rows)) {
            audit.setAll(rows);
        }
    }

    void clear() {
        shown = null;
        title.set("No breaker selected");
        stateText.set("");
        forcing.set("");
        window.set("");
        configuration.set("");
        counters.set("");
        live.set(true);
        chartNote.set("");
        timeAxisLabel.set(LIVE_AXIS);
        history.clear();
        transitions.clear();
        bulkheads.clear();
        audit.clear();
        marks.set(ChartMarks.NONE);
    }

    /** The game day's marks of the breaker's JVM (none when it ran no game day). */
    void marks(ChartMarks m) {
        marks.set(m == null ? ChartMarks.NONE : m);
    }

    /** The faults a game day switched on in this breaker's JVM, and its detect breaker's openings, for the chart. */
    public ReadOnlyObjectProperty<ChartMarks> marksProperty() {
        return marks;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** State, time in it, a half-open breaker's trials, and the cause of the last change. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty forcingProperty() {
        return forcing;
    }

    /** False while the breaker's JVM is not connected: the chart and the facts are the last known ones. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live;
    }

    /** Empty while live; otherwise that the chart is not live and the time of its last reading. */
    public ReadOnlyStringProperty chartNoteProperty() {
        return chartNote;
    }

    /** The chart's time axis: seconds ago, or seconds before the last reading while not live. */
    public ReadOnlyStringProperty timeAxisLabelProperty() {
        return timeAxisLabel;
    }

    /** The rolling window's outcomes and failure share; for a breaker not closed, the ratio that tripped it. */
    public ReadOnlyStringProperty windowProperty() {
        return window;
    }

    /** The effective configuration. */
    public ReadOnlyStringProperty configurationProperty() {
        return configuration;
    }

    public ReadOnlyStringProperty countersProperty() {
        return counters;
    }

    /** Calls, failures and rejections per second over the last five minutes, oldest first. */
    public ObservableList<RatePoint> history() {
        return history;
    }

    /** Transitions, newest first, each with its cause. */
    public ObservableList<String> transitions() {
        return transitions;
    }

    /** The audited operator actions on this breaker, newest first. */
    public ObservableList<AuditRow> audit() {
        return audit;
    }

    /** The application's bulkheads; the selected method's own first. */
    public ObservableList<BulkheadGauge> bulkheads() {
        return bulkheads;
    }
}
