package dev.fusebox.console.viewmodel;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * One breaker (or a forced group) of one application across every instance registered in the
 * ensemble: how many instances have it in which state, and the fleet-wide forcing on it, e.g.
 * {@code PaymentsClient#charge: 37 of 40 instances OPEN}, forced {@code OPEN by alice: db failover}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its application and target are final.
 */
public final class EnsembleMethodRow {

    private final String application;
    private final String target;
    private final SimpleIntegerProperty instances = new SimpleIntegerProperty(this, "instances");
    private final SimpleIntegerProperty open = new SimpleIntegerProperty(this, "open");
    private final SimpleIntegerProperty halfOpen = new SimpleIntegerProperty(this, "halfOpen");
    private final SimpleIntegerProperty closed = new SimpleIntegerProperty(this, "closed");
    private final SimpleStringProperty forcedHere = new SimpleStringProperty(this, "forcedHere", "");
    private final SimpleStringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final SimpleStringProperty fleetForcing = new SimpleStringProperty(this, "fleetForcing", "");
    private final SimpleStringProperty callsPerSecond = new SimpleStringProperty(this, "callsPerSecond", "");
    private final SimpleStringProperty rejectedPerSecond = new SimpleStringProperty(this, "rejectedPerSecond", "");

    EnsembleMethodRow(String application, String target) {
        this.application = application;
        this.target = target;
    }

    void counts(int nowInstances, int nowOpen, int nowHalfOpen, int nowClosed, int forcedOpen, int forcedClosed) {
        instances.set(nowInstances);
        open.set(nowOpen);
        halfOpen.set(nowHalfOpen);
        closed.set(nowClosed);
        forcedHere.set(forcedOpen + forcedClosed == 0 ? "" : (forcedOpen > 0 ? forcedOpen + " OPEN" : "")
                + (forcedOpen > 0 && forcedClosed > 0 ? ", " : "") + (forcedClosed > 0 ? forcedClosed + " CLOSED" : ""));
        summary.set(summarize(nowInstances, nowOpen, nowHalfOpen, nowClosed));
    }

    void fleetForcing(String text) {
        fleetForcing.set(text);
    }

    /** The rates as {@link EnsembleRates} shows them: a number, a dash for none, or empty without Prometheus. */
    void rates(String calls, String rejected) {
        callsPerSecond.set(calls);
        rejectedPerSecond.set(rejected);
    }

    private String summarize(int all, int nowOpen, int nowHalfOpen, int nowClosed) {
        String name = shortName() + ": ";
        if (isGroup()) {
            return name + "group forced fleet-wide";
        }
        String of = " of " + all + (all == 1 ? " instance " : " instances ");
        if (nowOpen > 0) {
            return name + nowOpen + of + "OPEN" + (nowHalfOpen > 0 ? ", " + nowHalfOpen + " HALF_OPEN" : "");
        }
        if (nowHalfOpen > 0) {
            return name + nowHalfOpen + of + "HALF_OPEN";
        }
        return name + nowClosed + of + "CLOSED";
    }

    public String application() {
        return application;
    }

    /** The breaker ({@code <bean class>#<method>}) or {@code group:<name>}. */
    public String target() {
        return target;
    }

    public boolean isGroup() {
        return target.startsWith("group:");
    }

    /** The breaker without its bean's package: {@code PaymentsClient#charge}. */
    public String shortName() {
        int hash = target.indexOf('#');
        int dot = hash < 0 ? -1 : target.lastIndexOf('.', hash);
        return dot < 0 ? target : target.substring(dot + 1);
    }

    /** How many registered instances have this breaker. */
    public ReadOnlyIntegerProperty instancesProperty() {
        return instances;
    }

    public ReadOnlyIntegerProperty openProperty() {
        return open;
    }

    public ReadOnlyIntegerProperty halfOpenProperty() {
        return halfOpen;
    }

    public ReadOnlyIntegerProperty closedProperty() {
        return closed;
    }

    /** How many instances have it forced, e.g. {@code 3 OPEN}, or empty. */
    public ReadOnlyStringProperty forcedHereProperty() {
        return forcedHere;
    }

    /** {@code PaymentsClient#charge: 37 of 40 instances OPEN}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The fleet-wide forcing, e.g. {@code OPEN by alice until 03:30:00: db failover}, or empty. */
    public ReadOnlyStringProperty fleetForcingProperty() {
        return fleetForcing;
    }

    /** Calls per second across instances from Prometheus ({@code 12.3/s}); a dash when it has none; empty without one. */
    public ReadOnlyStringProperty callsPerSecondProperty() {
        return callsPerSecond;
    }

    /** Calls per second refused by an open breaker or a full bulkhead, across instances, as {@link #callsPerSecondProperty}. */
    public ReadOnlyStringProperty rejectedPerSecondProperty() {
        return rejectedPerSecond;
    }

    @Override
    public String toString() {
        return application + " " + summary.get() + (fleetForcing.get().isEmpty() ? "" : " [" + fleetForcing.get() + "]");
    }
}
