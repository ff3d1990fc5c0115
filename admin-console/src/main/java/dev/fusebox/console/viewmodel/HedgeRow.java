package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.HedgeReading;
import dev.fusebox.console.feed.MethodKey;
import java.math.BigDecimal;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The hedge of one guarded method in the "Adaptive & hedges" screen: the wait before a further attempt
 * now, whether it follows a percentile of recent latency, how many further attempts a call may start,
 * and those started, won and refused since start, with the share of started attempts that won. Updated
 * in place from each snapshot; while its JVM is not connected the delay reads {@code (last known)}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its key is immutable.
 */
public final class HedgeRow {

    private final MethodKey key;
    private final StringProperty delay = new SimpleStringProperty(this, "delay", "");
    private final StringProperty percentile = new SimpleStringProperty(this, "percentile", "");
    private final StringProperty maxHedges = new SimpleStringProperty(this, "maxHedges", "");
    private final StringProperty started = new SimpleStringProperty(this, "started", "");
    private final StringProperty won = new SimpleStringProperty(this, "won", "");
    private final StringProperty refused = new SimpleStringProperty(this, "refused", "");
    private final StringProperty wonShare = new SimpleStringProperty(this, "wonShare", "");

    HedgeRow(MethodKey key) {
        this.key = key;
    }

    void apply(HedgeReading r, boolean connected) {
        delay.set(String.format(Locale.ROOT, "%.1f ms", r.delayMillis()) + (connected ? "" : " (last known)"));
        percentile.set(r.percentile() > 0 ? "p" + new BigDecimal(Double.toString(r.percentile() * 100))
                .stripTrailingZeros().toPlainString() : "fixed");
        maxHedges.set(Integer.toString(r.maxHedges()));
        started.set(Long.toString(r.hedgesStarted()));
        won.set(Long.toString(r.hedgesWon()));
        refused.set(Long.toString(r.hedgesRefused()));
        wonShare.set(r.hedgesStarted() > 0 ? Formats.percent((double) r.hedgesWon() / r.hedgesStarted())
                : Formats.NONE);
    }

    public MethodKey key() {
        return key;
    }

    /** The wait before a further attempt now: {@code 10.0 ms}. */
    public ReadOnlyStringProperty delayProperty() {
        return delay;
    }

    /** {@code fixed}, or the percentile of recent first attempts the delay follows: {@code p95}, {@code p99.9}. */
    public ReadOnlyStringProperty percentileProperty() {
        return percentile;
    }

    /** The most further attempts a call may start. */
    public ReadOnlyStringProperty maxHedgesProperty() {
        return maxHedges;
    }

    public ReadOnlyStringProperty startedProperty() {
        return started;
    }

    /** Further attempts whose answer came first. */
    public ReadOnlyStringProperty wonProperty() {
        return won;
    }

    /** Further attempts the hedge's budget refused to start. */
    public ReadOnlyStringProperty refusedProperty() {
        return refused;
    }

    /** Won of started, {@code 40 %}; {@link Formats#NONE} before any started. */
    public ReadOnlyStringProperty wonShareProperty() {
        return wonShare;
    }
}
