package dev.fusebox.console.operator;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the screens may ask of the connections: open, drop or retry one, the saved profiles, and the
 * local JVMs worth connecting to. Served by the console's wiring ({@code app.Console}) over the
 * connection layer and the profile store; called by the view-models.
 *
 * <p>Thread-safety: implementations must be callable from the FX thread and return at once; slow
 * work (connecting, discovery) runs elsewhere and is reported through the feed or the future.
 */
public interface FleetConnections {

    /** Starts connecting (the fleet table shows the progress); saves the profile when asked. */
    void connect(ConnectionProfile profile, char[] password, boolean saveProfile);

    void disconnect(String jvm);

    /** Tries again now instead of waiting for the backoff. */
    void reconnect(String jvm);

    /** Saved profiles, or none when they cannot be read. */
    List<ConnectionProfile> savedProfiles();

    /** Whether local JVMs can be found here (false on a runtime without the Attach API). */
    boolean localDiscoveryAvailable();

    /** Local JVMs through the Attach API, found off the FX thread. */
    CompletableFuture<List<LocalJvm>> discoverLocalJvms();
}
