package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.AdaptiveLimitReading;
import dev.fusebox.console.feed.MethodKey;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The adaptive bulkhead of one guarded method in the "Adaptive & hedges" screen: its algorithm, the
 * limit it found now within its bounds, the calls holding a place, what it refused by priority, and the
 * method's priority with the share kept for live calls. Updated in place from each snapshot; while its
 * JVM is not connected the limit reads {@code (last known)} and the running calls {@link Formats#NOT_LIVE}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its key is immutable.
 */
public final class AdaptiveRow {

    private final MethodKey key;
    private final StringProperty algorithm = new SimpleStringProperty(this, "algorithm", "");
    private final StringProperty limit = new SimpleStringProperty(this, "limit", "");
    private final StringProperty bounds = new SimpleStringProperty(this, "bounds", "");
    private final StringProperty running = new SimpleStringProperty(this, "running", "");
    private final StringProperty rejected = new SimpleStringProperty(this, "rejected", "");
    private final StringProperty priority = new SimpleStringProperty(this, "priority", "");
    private AdaptiveLimitReading reading;
    private boolean connected;

    AdaptiveRow(MethodKey key) {
        this.key = key;
    }

    void apply(AdaptiveLimitReading r, boolean jvmConnected) {
        reading = r;
        connected = jvmConnected;
        algorithm.set(r.algorithm());
        limit.set(r.limit() + (jvmConnected ? "" : " (last known)"));
        bounds.set(r.minLimit() + "\u2013" + r.maxLimit());
        running.set(jvmConnected ? Integer.toString(r.running()) : Formats.NOT_LIVE);
        rejected.set(r.rejectedLive() + " / " + r.rejectedBatch());
        priority.set(r.priority() + (r.liveReserve() > 0 ? ", " + Formats.percent(r.liveReserve()) + " kept for live"
                : ""));
    }

    public MethodKey key() {
        return key;
    }

    /** The reading the row shows, with the windows its chart draws. */
    AdaptiveLimitReading reading() {
        return reading;
    }

    /** Whether its JVM was connected when it was read. */
    boolean connected() {
        return connected;
    }

    /** {@code AIMD} or {@code GRADIENT}. */
    public ReadOnlyStringProperty algorithmProperty() {
        return algorithm;
    }

    /** The limit now (calls that may run at once), {@code (last known)} while the JVM is not connected. */
    public ReadOnlyStringProperty limitProperty() {
        return limit;
    }

    /** The least and the most the limit may be: {@code 1–16}. */
    public ReadOnlyStringProperty boundsProperty() {
        return bounds;
    }

    /** Calls holding a place now. */
    public ReadOnlyStringProperty runningProperty() {
        return running;
    }

    /** Calls refused since start: {@code <live> / <batch>}. */
    public ReadOnlyStringProperty rejectedProperty() {
        return rejected;
    }

    /** The method's priority and the live reserve: {@code BATCH, 50 % kept for live}. */
    public ReadOnlyStringProperty priorityProperty() {
        return priority;
    }
}
