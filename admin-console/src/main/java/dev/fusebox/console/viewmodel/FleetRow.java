package dev.fusebox.console.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One application of one JVM in the fleet overview.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests); its JVM and application are final.
 */
public final class FleetRow {

    private final String jvm;
    private final String application;
    private final IntegerProperty closed = new SimpleIntegerProperty(this, "closed");
    private final IntegerProperty open = new SimpleIntegerProperty(this, "open");
    private final IntegerProperty halfOpen = new SimpleIntegerProperty(this, "halfOpen");
    private final IntegerProperty forced = new SimpleIntegerProperty(this, "forced");
    private final IntegerProperty saturatedBulkheads = new SimpleIntegerProperty(this, "saturatedBulkheads");
    private final StringProperty health = new SimpleStringProperty(this, "health", "");
    private final BooleanProperty connected = new SimpleBooleanProperty(this, "connected");
    private final StringProperty access = new SimpleStringProperty(this, "access", "");

    FleetRow(String jvm, String application) {
        this.jvm = jvm;
        this.application = application;
    }

    void counts(int nowClosed, int nowOpen, int nowHalfOpen, int nowForced, int nowSaturated) {
        closed.set(nowClosed);
        open.set(nowOpen);
        halfOpen.set(nowHalfOpen);
        forced.set(nowForced);
        saturatedBulkheads.set(nowSaturated);
    }

    void health(String text, boolean isConnected, String accessText) {
        health.set(text);
        connected.set(isConnected);
        access.set(accessText);
    }

    public String jvm() {
        return jvm;
    }

    /** The application, or empty while nothing has been read from the JVM. */
    public String application() {
        return application;
    }

    public ReadOnlyIntegerProperty closedProperty() {
        return closed;
    }

    public ReadOnlyIntegerProperty openProperty() {
        return open;
    }

    public ReadOnlyIntegerProperty halfOpenProperty() {
        return halfOpen;
    }

    public ReadOnlyIntegerProperty forcedProperty() {
        return forced;
    }

    public ReadOnlyIntegerProperty saturatedBulkheadsProperty() {
        return saturatedBulkheads;
    }

    /** The connection's state, e.g. {@code CONNECTED} or {@code DISCONNECTED (...), RECONNECTING in 4 s}. */
    public ReadOnlyStringProperty healthProperty() {
        return health;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    /** {@code operator}, {@code viewer: <why>} or {@code unknown}. */
    public ReadOnlyStringProperty accessProperty() {
        return access;
    }

    @Override
    public String toString() {
        return jvm + "/" + application + " " + health.get();
    }
}
