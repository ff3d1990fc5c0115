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

    /**
     * What it runs, from its display name: the main class's simple name ({@code ShopDemo} for
     * {@code dev.fusebox.samples.demo.ShopDemo --home ...}), a jar's file name, or {@code pid N}
     * when the JVM does not say.
     */
    public String application() {
        String main = displayName == null ? "" : displayName.strip().split("\\s+", 2)[0];
        if (main.isEmpty()) {
            return "pid " + pid;
        }
        if (main.endsWith(".jar")) {
            return main.substring(Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\')) + 1);
        }
        return main.substring(main.lastIndexOf('.') + 1);
    }

    /** Where the console connects: the remote connector's {@code host:port}, or {@code local connector}. */
    public String address() {
        return localConnector.isEmpty() ? remoteEndpoint : "local connector";
    }

    /**
     * A profile that connects to it, named after its application and address
     * ({@code ShopDemo (127.0.0.1:9010)}): the local connector when there is one, else the remote one.
     */
    public ConnectionProfile profile() {
        if (!localConnector.isEmpty()) {
            String name = application();
            return ConnectionProfile.atUrl(name + (name.equals("pid " + pid) ? " (local)" : " (pid " + pid + ", local)"),
                    localConnector);
        }
        int colon = remoteEndpoint.lastIndexOf(':');
        return new ConnectionProfile(application() + " (" + remoteEndpoint + ")", remoteEndpoint.substring(0, colon),
                Integer.parseInt(remoteEndpoint.substring(colon + 1)), "", false, null, "");
    }
}
