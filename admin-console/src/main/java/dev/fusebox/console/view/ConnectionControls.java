package dev.fusebox.console.view;

import dev.fusebox.console.connect.ConnectionProfile;
import dev.fusebox.console.connect.LocalJvmDiscovery;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the screens may ask of the connection layer. Every method returns at once. */
public interface ConnectionControls {

    /** Starts connecting (the fleet table shows the progress); saves the profile when asked. */
    void connect(ConnectionProfile profile, char[] password, boolean saveProfile);

    void disconnect(String jvm);

    /** Tries again now instead of waiting for the backoff. */
    void reconnect(String jvm);

    /** Saved profiles, or none when they cannot be read. */
    List<ConnectionProfile> savedProfiles();

    /** Local JVMs through the Attach API, found off the FX thread. */
    CompletableFuture<List<LocalJvmDiscovery.LocalJvm>> discoverLocalJvms();
}
