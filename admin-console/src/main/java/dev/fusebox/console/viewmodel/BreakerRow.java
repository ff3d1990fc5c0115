package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.ft.management.Forcing;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One circuit breaker in the fleet-wide table. Its texts are what the table shows: while its JVM is not
 * connected the row keeps its last known state, marked {@code (last known)}, and shows no rates
 * ({@link Formats#NOT_LIVE}), since the last ones read would pass for live; a breaker that is not closed
 * shows, instead of its (empty) window's ratio, the ratio that tripped it and when.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its key is immutable.
 */
public final class BreakerRow {

    private final MethodKey key;
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final StringProperty forcedBadge = new SimpleStringProperty(this, "forcedBadge", "");
    private final StringProperty stateText = new SimpleStringProperty(this, "stateText", "");
    private final DoubleProperty failureRatio = new SimpleDoubleProperty(this, "failureRatio");
    private final DoubleProperty callsPerSecond = new SimpleDoubleProperty(this, "callsPerSecond");
    private final DoubleProperty rejectionsPerSecond = new SimpleDoubleProperty(this, "rejectionsPerSecond");
    private final StringProperty failuresText = new SimpleStringProperty(this, "failuresText", "");
    private final StringProperty callsText = new SimpleStringProperty(this, "callsText", "");
    private final StringProperty rejectionsText = new SimpleStringProperty(this, "rejectionsText", "");
    private final StringProperty timeInState = new SimpleStringProperty(this, "timeInState", "");
    private final BooleanProperty connected = new SimpleBooleanProperty(this, "connected", true);
    private final ObjectProperty<BreakerSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");

    BreakerRow(MethodKey key) {
        this.key = key;
    }

    void apply(BreakerSnapshot s, boolean jvmConnected) {
        BreakerReading r = s.reading();
        snapshot.set(s);
        state.set(r.state());
        Forcing f = r.forcing();
        forcedBadge.set(f == null ? "" : "by " + f.by()
                + (f.untilEpochMillis() > 0 ? " until " + Formats.clock(f.untilEpochMillis()) : ""));
        connected.set(jvmConnected);
        failureRatio.set(r.failureRatio());
        callsPerSecond.set(s.rates().callsPerSecond());
        rejectionsPerSecond.set(s.rates().rejectionsPerSecond());
        timeInState.set(Formats.duration(r.timeInStateMillis()));
        failuresText.set("CLOSED".equals(r.state()) ? Formats.percent(r.failureRatio())
                : r.lastTrip().map(Formats::trip).orElse(Formats.NONE));
        showState();
    }

    void connected(boolean now) {
        connected.set(now);
        showState();
    }

    /** The texts that depend on the connection: the state's mark and the rates. */
    private void showState() {
        BreakerSnapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        BreakerReading r = s.reading();
        String trials = "HALF_OPEN".equals(r.state()) ? ", " + Formats.trialsInFlight(r.trialsInFlight()) : "";
        stateText.set(r.state() + trials + (r.forced() ? " [forced]" : "") + (connected.get() ? "" : " (last known)"));
        callsText.set(connected.get() ? Formats.rate(callsPerSecond.get()) : Formats.NOT_LIVE);
        rejectionsText.set(connected.get() ? Formats.rate(rejectionsPerSecond.get()) : Formats.NOT_LIVE);
    }

    public MethodKey key() {
        return key;
    }

    public String jvm() {
        return key.jvm();
    }

    public String application() {
        return key.application();
    }

    /** The bean class without its package. */
    public String bean() {
        return key.simpleBean();
    }

    public String method() {
        return key.method();
    }

    /** CLOSED, OPEN or HALF_OPEN. */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /**
     * Who forced it and until when ({@code by alice until 03:30:00}), or empty; the state it is forced
     * to is the state column's ({@code OPEN [forced]}).
     */
    public ReadOnlyStringProperty forcedBadgeProperty() {
        return forcedBadge;
    }

    /**
     * The state with a {@code [forced]} mark, and {@code (last known)} while its JVM is not connected;
     * half-open with its trials still running ({@code HALF_OPEN, 1 trial in flight}).
     */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    /** The full bean class, for a tooltip. */
    public String beanClass() {
        return key.beanClass();
    }

    /**
     * The Failures column: a closed breaker's window ratio ({@code 20 %}); for one that is not closed
     * the ratio that tripped it and when ({@code 60 % at 12:03:04}), or {@link Formats#NONE} when
     * no automatic opening is known (forced open, or its transition is no longer kept).
     */
    public ReadOnlyStringProperty failuresTextProperty() {
        return failuresText;
    }

    /** Calls per second, or {@link Formats#NOT_LIVE} while its JVM is not connected. */
    public ReadOnlyStringProperty callsTextProperty() {
        return callsText;
    }

    /** Rejections per second, or {@link Formats#NOT_LIVE} while its JVM is not connected. */
    public ReadOnlyStringProperty rejectionsTextProperty() {
        return rejectionsText;
    }

    /** The window's failure ratio as read (0 while not closed: an open circuit's window is empty). */
    public ReadOnlyDoubleProperty failureRatioProperty() {
        return failureRatio;
    }

    /** The last rate read (still the last one while its JVM is not connected: see {@link #callsTextProperty}). */
    public ReadOnlyDoubleProperty callsPerSecondProperty() {
        return callsPerSecond;
    }

    public ReadOnlyDoubleProperty rejectionsPerSecondProperty() {
        return rejectionsPerSecond;
    }

    public ReadOnlyStringProperty timeInStateProperty() {
        return timeInState;
    }

    /** False while its JVM is not connected (the values are then the last ones read). */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    public ReadOnlyObjectProperty<BreakerSnapshot> snapshotProperty() {
        return snapshot;
    }

    /** Whether {@code text} (lower case) appears in any column the operator can read. */
    boolean matches(String lowerText) {
        return Stream.of(key.jvm(), key.application(), key.beanClass(), key.method(), stateText.get())
                .anyMatch(column -> column.toLowerCase(Locale.ROOT).contains(lowerText));
    }

    /** Not simply closed: open, half-open or forced. */
    boolean needsAttention() {
        return !"CLOSED".equals(state.get()) || !forcedBadge.get().isEmpty();
    }

    @Override
    public String toString() {
        return key.name() + " " + stateText.get();
    }
}
