package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.FleetConnections;
import dev.fusebox.console.operator.LocalJvm;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection dialog's state, one per dialog: the form (a saved profile or a local JVM fills it),
 * the saved profiles, the local JVMs found, and the request it sends. The password is a field of the
 * form only; it goes to the connection as a {@code char[]} and is never saved.
 *
 * <p>The form starts with what it was given, else the last profile used (saved last), else
 * {@value #DEFAULT_HOST}:{@value #DEFAULT_PORT} (where the demo and the operations guide put the
 * connector). It is ready to send with a service URL, or with a host, a port and a user (a remote
 * connector asks for a login); until then {@link #missingProperty()} says what is missing.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread (the thread that created it). The
 * discovery of local JVMs runs elsewhere and comes back through the {@code ui} executor.
 */
public final class ConnectViewModel {

    /** Offered when no profile was used before. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9010;

    private final FleetConnections connections;
    private final Executor ui;
    private final ObservableList<ConnectionProfile> savedProfiles = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty serviceUrl = new SimpleStringProperty(this, "serviceUrl", "");
    private final BooleanProperty tls = new SimpleBooleanProperty(this, "tls");
    private final ObjectProperty<Permission.Role> role = new SimpleObjectProperty<>(this, "role",
            Permission.Role.UNKNOWN);
    private final BooleanProperty save = new SimpleBooleanProperty(this, "save", true);
    private final ObservableList<LocalJvm> localJvms = FXCollections.observableArrayList();
    private final StringProperty localJvmsNote = new SimpleStringProperty(this, "localJvmsNote");
    private final BooleanProperty discovering = new SimpleBooleanProperty(this, "discovering");
    private final StringBinding missing = Bindings.createStringBinding(this::whatIsMissing, host, port, user,
            serviceUrl);
    private final BooleanBinding ready = missing.isEmpty();

    ConnectViewModel(FleetConnections connections, Executor ui, ConnectionProfile prefill) {
        this.connections = connections;
        this.ui = ui;
        savedProfiles.setAll(connections.savedProfiles());
        localJvmsNote.set(discoveryAvailable() ? "press \"Find local JVMs\""
                : "the Attach API (jdk.attach) is not available in this runtime");
        fill(prefill != null ? prefill : offered(savedProfiles));
    }

    private static ConnectionProfile offered(List<ConnectionProfile> saved) {
        return saved.isEmpty()
                ? new ConnectionProfile("", DEFAULT_HOST, DEFAULT_PORT, "", false, Permission.Role.UNKNOWN, "")
                : saved.get(saved.size() - 1);
    }

    private String whatIsMissing() {
        if (!serviceUrl.get().isBlank()) {
            return "";
        }
        if (host.get().isBlank()) {
            return "Give the host of the JMX connector (or a service URL).";
        }
        if (portNumber() == 0) {
            return "Give the port of the JMX connector (1-65535).";
        }
        if (user.get().isBlank()) {
            return "Give the user: a remote connector asks for a login.";
        }
        return "";
    }

    private int portNumber() {
        try {
            int p = Integer.parseInt(port.get().strip());
            return p >= 1 && p <= 65_535 ? p : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Fills the form from a saved profile or a local JVM's profile; {@code null} changes nothing. */
    public void fill(ConnectionProfile p) {
        if (p == null) {
            return;
        }
        name.set(p.name());
        host.set(p.host());
        port.set(p.port() == 0 ? "" : Integer.toString(p.port()));
        user.set(p.user());
        serviceUrl.set(p.serviceUrl());
        tls.set(p.tls());
        role.set(p.declaredRole());
    }

    /** How a saved profile reads in the list: {@code name (user@host:port)}. */
    public static String describe(ConnectionProfile p) {
        return p == null ? "" : p.name() + " (" + p.user() + "@" + p.address() + ")";
    }

    /** How a local JVM reads in the list: {@code ShopDemo  127.0.0.1:9010  (pid 4711)}. */
    public static String describe(LocalJvm jvm) {
        return jvm == null ? "" : jvm.application() + "  " + jvm.address() + "  (pid " + jvm.pid() + ")";
    }

    /**
     * How the login's declared role reads before connecting: UNKNOWN (nothing declared) is
     * {@code not connected yet}, as the server tells the role once connected.
     */
    public static String describe(Permission.Role role) {
        return role == null || role == Permission.Role.UNKNOWN ? "not connected yet"
                : role == Permission.Role.VIEWER ? "viewer (actions disabled)" : "operator";
    }

    public boolean discoveryAvailable() {
        return connections.localDiscoveryAvailable();
    }

    /** Looks for local JVMs off the FX thread; {@link #localJvms()} and its note follow when done. */
    public void findLocalJvms() {
        discovering.set(true);
        localJvmsNote.set("looking ...");
        connections.discoverLocalJvms().whenComplete((list, error) -> ui.execute(() -> {
            discovering.set(false);
            localJvms.setAll(list == null ? List.of() : list);
            localJvmsNote.set(error != null ? "discovery failed: " + error
                    : "no local JVM with a Fusebox or local JMX connector");
        }));
    }

    /** Sends the form: starts connecting (and saves the profile, without the password, when asked). */
    public void connect() {
        int p = portNumber();
        String display = !name.get().isBlank() ? name.get().strip()
                : !serviceUrl.get().isBlank() ? serviceUrl.get().strip() : host.get().strip() + ":" + p;
        ConnectionProfile profile = new ConnectionProfile(display, host.get().strip(), p, user.get().strip(),
                tls.get(), role.get(), serviceUrl.get().strip());
        connections.connect(profile, password.get().toCharArray(), save.get());
    }

    public ObservableList<ConnectionProfile> savedProfiles() {
        return savedProfiles;
    }

    /** The name shown in the console (default {@code host:port}). */
    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** A full {@code service:jmx:...} URL instead of host and port. */
    public StringProperty serviceUrlProperty() {
        return serviceUrl;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    /** The role the operator says the login has. */
    public ObjectProperty<Permission.Role> roleProperty() {
        return role;
    }

    /** Save the profile (never the password). */
    public BooleanProperty saveProperty() {
        return save;
    }

    public ObservableList<LocalJvm> localJvms() {
        return localJvms;
    }

    /** What to say when the list of local JVMs is empty. */
    public ReadOnlyStringProperty localJvmsNoteProperty() {
        return localJvmsNote;
    }

    /** A discovery is running. */
    public ReadOnlyBooleanProperty discoveringProperty() {
        return discovering;
    }

    /** Enough is filled in to connect: a service URL, or host, port and user. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** Why the form is not ready, one sentence; empty when it is. */
    public StringBinding missingProperty() {
        return missing;
    }
}
