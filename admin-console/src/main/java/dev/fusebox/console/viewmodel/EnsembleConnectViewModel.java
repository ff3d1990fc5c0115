package dev.fusebox.console.viewmodel;

import dev.fusebox.console.operator.EnsembleProfile;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet connection dialog's state, one per dialog: the ensemble's address, the fleet's root,
 * the digest login, the fleet's ACL ids (for the nodes this console writes; a saved profile fills
 * all but the password), an optional Prometheus server for the table's rates, and whether to save
 * the profile.
 * The password is a field of the form only; it goes to the connection as a {@code char[]} and is
 * never saved. Starts with the last profile saved, else {@code 127.0.0.1:2181} and {@code /fusebox}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread (the thread that created it).
 */
public final class EnsembleConnectViewModel {

    public static final String DEFAULT_ADDRESS = "127.0.0.1:2181";

    private final EnsembleViewModel fleet;
    private final ObservableList<EnsembleProfile> savedProfiles = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty root = new SimpleStringProperty(this, "root", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty operatorIds = new SimpleStringProperty(this, "operatorIds", "");
    private final StringProperty instanceIds = new SimpleStringProperty(this, "instanceIds", "");
    private final StringProperty viewerIds = new SimpleStringProperty(this, "viewerIds", "");
    private final StringProperty prometheus = new SimpleStringProperty(this, "prometheus", "");
    private final BooleanProperty save = new SimpleBooleanProperty(this, "save", true);
    private final StringBinding missing = Bindings.createStringBinding(this::whatIsMissing, address, root, user,
            password, operatorIds, instanceIds, prometheus);
    private final BooleanBinding ready = missing.isEmpty();

    EnsembleConnectViewModel(EnsembleViewModel fleet, List<EnsembleProfile> saved) {
        this.fleet = fleet;
        savedProfiles.setAll(saved);
        fill(saved.isEmpty() ? new EnsembleProfile("", DEFAULT_ADDRESS, EnsembleProfile.DEFAULT_ROOT, "")
                : saved.get(saved.size() - 1));
    }

    private String whatIsMissing() {
        String a = address.get().strip();
        if (a.isEmpty() || !a.matches("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*(/\\S*)?")) {
            return "Give the ensemble as host:port[,host:port...].";
        }
        String r = root.get().strip();
        if (!r.isEmpty() && (!r.startsWith("/") || r.endsWith("/") || r.contains("//"))) {
            return "The fleet's root is an absolute path without a trailing '/', e.g. /fusebox.";
        }
        if (user.get().contains(":")) {
            return "A digest user name has no ':'.";
        }
        if (!user.get().isBlank() && password.get().isEmpty()) {
            return "Give the password of " + user.get().strip() + " (or no user: anonymous may read at most).";
        }
        if (operatorIds.get().isBlank() != instanceIds.get().isBlank()) {
            return "A protected fleet's ACLs need operator ids and instance ids (as its instances are configured),"
                    + " or neither for an open fleet.";
        }
        return EnsembleProfile.prometheusProblem(prometheus.get());
    }

    /** Fills the form from a saved profile; {@code null} changes nothing. */
    public void fill(EnsembleProfile p) {
        if (p == null) {
            return;
        }
        name.set(p.name());
        address.set(p.address());
        root.set(p.root());
        user.set(p.user());
        operatorIds.set(p.operatorIds());
        instanceIds.set(p.instanceIds());
        viewerIds.set(p.viewerIds());
        prometheus.set(p.prometheus());
    }

    /** Sends the form: starts connecting (and saves the profile, without the password, when asked). */
    public void connect() {
        EnsembleProfile profile = new EnsembleProfile("", address.get(), root.get(), user.get(), operatorIds.get(),
                instanceIds.get(), viewerIds.get(), prometheus.get());
        fleet.connect(profile.withName(name.get().isBlank() ? profile.describe() : name.get().strip()),
                password.get().toCharArray(), save.get());
    }

    /** How a saved profile reads in the list: {@code name (user@address/root)}. */
    public static String describe(EnsembleProfile p) {
        return p == null ? "" : p.name() + " (" + p.describe() + ")";
    }

    public ObservableList<EnsembleProfile> savedProfiles() {
        return savedProfiles;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty rootProperty() {
        return root;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The fleet's operator ids ({@code fusebox.fleet.acl.operators}), given to the nodes this console writes. */
    public StringProperty operatorIdsProperty() {
        return operatorIds;
    }

    public StringProperty instanceIdsProperty() {
        return instanceIds;
    }

    public StringProperty viewerIdsProperty() {
        return viewerIds;
    }

    /** The base address of a Prometheus server that scrapes the fleet, for the table's rates; empty for none. */
    public StringProperty prometheusProperty() {
        return prometheus;
    }

    public BooleanProperty saveProperty() {
        return save;
    }

    public BooleanBinding readyProperty() {
        return ready;
    }

    /** Why the form is not ready, one sentence; empty when it is. */
    public StringBinding missingProperty() {
        return missing;
    }
}
