package dev.fusebox.console.viewmodel;

import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.FleetConnections;
import java.util.concurrent.Executor;

/**
 * What the screens do with connections: open the connection dialog's view-model, retry or drop the
 * connection of a fleet row. Every method returns at once (see {@link FleetConnections}).
 *
 * <p>Thread-safety: immutable (two final references); call it on the FX thread, where the
 * view-models it makes live.
 */
public final class ConnectionsViewModel {

    private final FleetConnections connections;
    private final Executor ui;

    /**
     * @param connections where the requests go
     * @param ui          runs work finished elsewhere on the thread that owns the view-models
     */
    public ConnectionsViewModel(FleetConnections connections, Executor ui) {
        this.connections = connections;
        this.ui = ui;
    }

    /** A fresh connection dialog, filled from {@code prefill} when given. */
    public ConnectViewModel connectDialog(ConnectionProfile prefill) {
        return new ConnectViewModel(connections, ui, prefill);
    }

    /** Tries the row's JVM again now instead of waiting for the backoff. */
    public void reconnect(FleetRow row) {
        connections.reconnect(row.jvm());
    }

    /** Closes the connection to the row's JVM and removes it from the console. */
    public void disconnect(FleetRow row) {
        connections.disconnect(row.jvm());
    }
}
