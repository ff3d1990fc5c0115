package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.BulkheadReading;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.RateLimitReading;
import dev.fusebox.console.operator.ShadowTarget;
import dev.fusebox.console.operator.ShadowedPolicy;
import dev.fusebox.ft.management.CircuitBreakerSettings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One policy with a shadow mode (a rate limit, a circuit breaker or a bulkhead of one guarded
 * method) in the "Limits & shadow" table: its settings, whether it enforces or only counts, and what
 * it admitted, rejected and would have rejected since start. Updated in place from each snapshot;
 * while its JVM is not connected the mode reads {@code (last known)}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its target is immutable.
 */
public final class ShadowRow {

    private final ShadowTarget target;
    private final StringProperty settings = new SimpleStringProperty(this, "settings", "");
    private final StringProperty mode = new SimpleStringProperty(this, "mode", "");
    private final StringProperty admitted = new SimpleStringProperty(this, "admitted", "");
    private final StringProperty rejected = new SimpleStringProperty(this, "rejected", "");
    private final StringProperty wouldReject = new SimpleStringProperty(this, "wouldReject", "");
    private boolean shadow;

    ShadowRow(ShadowTarget target) {
        this.target = target;
    }

    void apply(RateLimitReading r, boolean connected) {
        String spacing = r.minSpacingMillis() > 0 ? ", at least " + Formats.millis(r.minSpacingMillis()) + " apart" : "";
        show(r.type() + ", " + r.limit() + " per " + Formats.millis(r.windowMillis()) + spacing, r.shadow(),
                r.permitted(), r.rejected(), r.wouldReject(), connected);
    }

    void apply(BreakerReading r, boolean connected) {
        CircuitBreakerSettings c = r.settings();
        String text = c == null ? "" : "opens at " + Formats.percent(c.failureRatio()) + " failures of "
                + c.requestVolumeThreshold() + " calls";
        show(text, r.shadow(), r.successes() + r.failures(), r.rejections(), r.wouldReject(), connected);
    }

    void apply(BulkheadReading r, boolean connected) {
        String text = r.limit() + " at once" + (r.queueSize() > 0 ? ", " + r.queueSize() + " queued" : "");
        show(text, r.shadow(), r.accepted(), r.rejected(), r.wouldReject(), connected);
    }

    private void show(String settingsText, boolean inShadow, long admittedCalls, long rejectedCalls,
                      long wouldRejectCalls, boolean connected) {
        shadow = inShadow;
        settings.set(settingsText);
        mode.set((inShadow ? "shadow" : "enforcing") + (connected ? "" : " (last known)"));
        admitted.set(Long.toString(admittedCalls));
        rejected.set(Long.toString(rejectedCalls));
        wouldReject.set(Long.toString(wouldRejectCalls));
    }

    public ShadowTarget target() {
        return target;
    }

    public MethodKey key() {
        return target.key();
    }

    public ShadowedPolicy policy() {
        return target.policy();
    }

    /** In shadow mode as last read. */
    public boolean shadow() {
        return shadow;
    }

    /** What the policy allows, in words: {@code FIXED, 100 per 1 s}, {@code 10 at once}. */
    public ReadOnlyStringProperty settingsProperty() {
        return settings;
    }

    /** {@code enforcing} or {@code shadow}, with {@code (last known)} while the JVM is not connected. */
    public ReadOnlyStringProperty modeProperty() {
        return mode;
    }

    /** Calls it let through since start (a breaker: its successes and failures). */
    public ReadOnlyStringProperty admittedProperty() {
        return admitted;
    }

    /** Calls it refused since start. */
    public ReadOnlyStringProperty rejectedProperty() {
        return rejected;
    }

    /** Calls it would have refused in shadow mode, and let through, since start. */
    public ReadOnlyStringProperty wouldRejectProperty() {
        return wouldReject;
    }
}
