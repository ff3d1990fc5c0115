package dev.fusebox.console.operator;

/**
 * A local JVM found through the Attach API, worth connecting to.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param pid            process id
 * @param displayName    main class or jar, as the JVM reports it
 * @param remoteEndpoint {@code host:port} of a remote connector its properties name, or empty
 * @param localConnector its local connector's service URL, or empty
 */
public record LocalJvm(String pid, String displayName, String remoteEndpoint, String localConnector) {

    /** A profile that connects to it: the local connector when there is one, else the remote one. */
    public ConnectionProfile profile() {
        String name = "pid " + pid;
        if (!localConnector.isEmpty()) {
            return ConnectionProfile.atUrl(name, localConnector);
        }
        int colon = remoteEndpoint.lastIndexOf(':');
        return new ConnectionProfile(name, remoteEndpoint.substring(0, colon),
                Integer.parseInt(remoteEndpoint.substring(colon + 1)), "", false, null, "");
    }
}
