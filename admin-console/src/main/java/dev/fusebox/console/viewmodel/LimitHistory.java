package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.AdaptiveLimitReading;
import dev.fusebox.console.feed.LimitWindowReading;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chart of the selected adaptive bulkhead: one point per closed window the server keeps (at most
 * 120), oldest first, with the limit it set, the most calls in flight and the mean round trip. Time
 * counts back from the last window, as the server's clock put it, so a console on another clock draws
 * the same chart; the axis names its unit (ms, s or min, whichever suits the span) and the last
 * window's time. While the bulkhead's JVM is not connected the points are the last read, not live.
 * Points are made again only when the windows (or the connection) changed.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests).
 */
public final class LimitHistory {

    private static final String NOTHING = "No adaptive bulkhead selected";

    private final StringProperty title = new SimpleStringProperty(this, "title", NOTHING);
    private final StringProperty timeAxisLabel = new SimpleStringProperty(this, "timeAxisLabel", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private final ObservableList<LimitPoint> points = FXCollections.observableArrayList();
    private AdaptiveLimitReading shown;
    private boolean shownConnected;

    void show(AdaptiveLimitReading r, boolean connected) {
        if (shown != null && shown.key().equals(r.key()) && shown.history().equals(r.history())
                && shownConnected == connected) {
            return;
        }
        shown = r;
        shownConnected = connected;
        List<LimitWindowReading> windows = r.history();
        title.set(r.key().name() + "  (" + r.key().application() + " @ " + r.key().jvm() + "): " + r.algorithm()
                + ", last " + windows.size() + (windows.size() == 1 ? " window" : " windows") + " of at least "
                + Formats.millis(r.windowMillis()) + dropped(windows));
        live.set(connected);
        note.set(connected ? (windows.isEmpty() ? "No window has closed yet" : "")
                : "Not live: the windows last read (JVM not connected)");
        if (windows.isEmpty()) {
            timeAxisLabel.set("");
            points.clear();
            return;
        }
        long last = windows.get(windows.size() - 1).endedAtMillis();
        long span = last - windows.get(0).endedAtMillis();
        double unit = span < 2_000 ? 1 : span <= 600_000 ? 1_000 : 60_000;
        String unitName = unit == 1 ? "ms" : unit == 1_000 ? "s" : "min";
        timeAxisLabel.set(unitName + " before the last window (closed " + Formats.clock(last) + ", server clock)");
        List<LimitPoint> next = new ArrayList<>(windows.size());
        for (LimitWindowReading w : windows) {
            next.add(new LimitPoint((w.endedAtMillis() - last) / unit, w.limit(), w.maxInflight(), w.meanRttMillis()));
        }
        points.setAll(next);
    }

    private static String dropped(List<LimitWindowReading> windows) {
        long n = windows.stream().filter(LimitWindowReading::dropped).count();
        return n == 0 ? "" : ", " + n + " with dropped calls";
    }

    void clear() {
        shown = null;
        title.set(NOTHING);
        timeAxisLabel.set("");
        note.set("");
        live.set(true);
        points.clear();
    }

    /** {@code Pricing#quote  (shop @ jvm-a): AIMD, last 7 windows of at least 1 s}. */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** The time axis's label, with its unit: {@code s before the last window (closed 03:12:09, server clock)}. */
    public ReadOnlyStringProperty timeAxisLabelProperty() {
        return timeAxisLabel;
    }

    /** Why the chart is empty or not live, or empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    /** False while the bulkhead's JVM is not connected. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live;
    }

    /** One point per window, oldest first. */
    public ObservableList<LimitPoint> points() {
        return points;
    }
}
