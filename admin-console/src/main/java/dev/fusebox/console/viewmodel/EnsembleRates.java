package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.FleetRates;
import dev.fusebox.console.operator.FleetRateSource;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The fleet table's rate columns: calls/s and rejected/s of each breaker's method across the fleet's
 * instances, from the Prometheus server of the connection profile, and a status line that says where
 * they come from, since when, or why there are none ({@code no Prometheus configured},
 * {@code Prometheus: connection refused at http://...}).
 *
 * <p>A row's breaker ({@code com.example.Outer$Client#find(int)}) is matched to the metrics'
 * {@code method} label ({@code com.example.Outer.Client.find}) by {@link #metricMethod}: the
 * metrics name a method by its class's canonical name and without parameter types, so the rows of
 * guarded overloads show the same, summed, rates. A row without a series shows {@link Formats#NONE};
 * a group row and every row while no Prometheus is configured show nothing; while Prometheus cannot be
 * read every row shows {@link Formats#NONE} (no stale number passes for a live one). Rows that appear
 * between two readings get the latest reading at once.
 *
 * <p>Thread-safety: not thread-safe; confined to the thread of its {@link EnsembleViewModel} (the FX
 * thread). Readings reach it through {@code ui}; one of a session it has left is ignored.
 */
public final class EnsembleRates {

    /** What the status line says when the profile names no Prometheus server. */
    public static final String NO_PROMETHEUS = "Rates: no Prometheus configured (give its address in the"
            + " fleet's connection profile to see calls/s and rejected/s)";

    private final FleetRateSource source;
    private final Executor ui;
    private final ObservableList<EnsembleMethodRow> rows;
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status", "");
    private final SimpleBooleanProperty failing = new SimpleBooleanProperty(this, "failing");
    private int session;
    private boolean following;
    private FleetRates latest;

    EnsembleRates(FleetRateSource source, Executor ui, ObservableList<EnsembleMethodRow> rows) {
        this.source = source;
        this.ui = ui;
        this.rows = rows;
        rows.addListener((ListChangeListener<EnsembleMethodRow>) change -> show());
    }

    /** Starts following the Prometheus at {@code prometheus}, or shows that there is none (empty). */
    void follow(String prometheus) {
        int now = ++session;
        latest = null;
        following = !prometheus.isBlank();
        failing.set(false);
        if (!following) {
            source.stop();
            status.set(NO_PROMETHEUS);
        } else {
            status.set("Rates: asking Prometheus at " + prometheus + " ...");
            source.follow(prometheus, reading -> ui.execute(() -> {
                if (session == now) {
                    apply(reading);
                }
            }));
        }
        show();
    }

    /** Stops following; the columns empty and the status line too. */
    void stop() {
        session++;
        source.stop();
        following = false;
        latest = null;
        failing.set(false);
        status.set("");
        show();
    }

    private void apply(FleetRates reading) {
        latest = reading;
        failing.set(!reading.ok());
        status.set(reading.ok() ? "Rates from Prometheus at " + reading.prometheus() + " (per second over the last"
                + " minute, all instances), read at " + Formats.clock(reading.atEpochMillis())
                : "Prometheus: " + reading.problem());
        show();
    }

    private void show() {
        for (EnsembleMethodRow row : rows) {
            if (!following || row.isGroup()) {
                row.rates("", "");
            } else if (latest == null || !latest.ok()) {
                row.rates(Formats.NONE, Formats.NONE);
            } else {
                String method = metricMethod(row.target());
                row.rates(rate(latest.callsPerSecond().get(method)), rate(latest.rejectedPerSecond().get(method)));
            }
        }
    }

    /**
     * The metrics' {@code method} label of a breaker: {@code a.b.Outer$Client#find(int)} becomes
     * {@code a.b.Outer.Client.find} (canonical class name, a dot, the method's name).
     */
    public static String metricMethod(String breaker) {
        int hash = breaker.indexOf('#');
        if (hash < 0) {
            return breaker;
        }
        int paren = breaker.indexOf('(', hash);
        String method = breaker.substring(hash + 1, paren < 0 ? breaker.length() : paren);
        return breaker.substring(0, hash).replace('$', '.') + "." + method;
    }

    /** {@code 12.3/s}, {@code 0.04/s} (two decimals below 0.1, so a trickle does not read as 0.0), or a dash. */
    static String rate(Double perSecond) {
        if (perSecond == null) {
            return Formats.NONE;
        }
        if (perSecond > 0 && perSecond < 0.1) {
            return String.format(Locale.ROOT, "%.2f/s", perSecond);
        }
        return Formats.rate(perSecond);
    }

    /** Where the rates come from and when, or why there are none; empty while not connected. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Whether the last attempt to read Prometheus failed (the status line says why). */
    public ReadOnlyBooleanProperty failingProperty() {
        return failing;
    }
}
