package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.EnsembleAuditLine;
import dev.fusebox.console.feed.EnsembleSnapshot;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.EnsembleAction;
import dev.fusebox.console.operator.EnsembleOperations;
import dev.fusebox.console.operator.EnsembleOutcome;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.EnsembleProfile;
import dev.fusebox.console.operator.FleetRateSource;
import dev.fusebox.ft.management.fleet.FleetMember;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet screen's state, for a fleet registered in a ZooKeeper ensemble: every breaker of every
 * application grouped across its instances ({@link EnsembleMethodRow}), the instances of the selected
 * one ({@link EnsembleInstanceRow}, each with the JMX address to drill down with), the fleet-wide
 * actions on it and their outcomes ({@code applied by 3 of 3 instances}), the fleet's audit, and the
 * calls/s and rejected/s of each row from the profile's Prometheus server ({@link EnsembleRates}).
 * {@link #apply} folds in what the ensemble published; rows are kept and updated in place, so a
 * table's selection survives an update.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests). Snapshots and results reach it on that thread through {@code ui}.
 */
public final class EnsembleViewModel {

    /** How many audit entries per application the audit table reads. */
    public static final int AUDIT_ENTRIES = 200;

    private final EnsembleOperations ensemble;
    private final Executor ui;
    private final SimpleStringProperty connection = new SimpleStringProperty(this, "connection",
            "Not connected to a fleet: press \"Connect to a fleet ...\"");
    private final SimpleBooleanProperty connected = new SimpleBooleanProperty(this, "connected");
    private final SimpleBooleanProperty everConnected = new SimpleBooleanProperty(this, "everConnected");
    private final EnsembleMethodRows rows = new EnsembleMethodRows();
    private final ObservableList<EnsembleMethodRow> methods = rows.rows();
    private final EnsembleRates rates;
    private final SimpleObjectProperty<EnsembleMethodRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<EnsembleInstanceRow> instances = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObservableList<EnsembleAuditRow> audit = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final SimpleStringProperty writeRefusal = new SimpleStringProperty(this, "writeRefusal", "");
    private final BooleanBinding actionsAllowed = connected.and(selected.isNotNull()).and(writeRefusal.isEmpty());
    private final StringBinding actionsDisabledReason = Bindings.createStringBinding(() -> !everConnected.get()
            ? "Connect to a fleet first." : !connected.get() ? "The ensemble is not reachable now: no fleet-wide action"
            + " can be written (instances keep what they last read)." : !writeRefusal.get().isEmpty()
            ? "This login may not write fleet actions: " + writeRefusal.get() : selected.get() == null
            ? "Select a breaker to act on it in every instance." : "", everConnected, connected, selected,
            writeRefusal);
    private EnsembleSnapshot latest = EnsembleSnapshot.none("");

    /**
     * @param ensemble where connections and actions go
     * @param rates    where the rows' rates come from (the profile's Prometheus server)
     * @param ui       runs work finished elsewhere on the thread that owns this view-model
     */
    public EnsembleViewModel(EnsembleOperations ensemble, FleetRateSource rates, Executor ui) {
        this.ensemble = ensemble;
        this.ui = ui;
        this.rates = new EnsembleRates(rates, ui, methods);
        selected.addListener((o, was, now) -> showInstances());
    }

    /** A fresh connection dialog for an ensemble. */
    public EnsembleConnectViewModel connectDialog() {
        return new EnsembleConnectViewModel(this, ensemble.savedProfiles());
    }

    /** Starts connecting to the ensemble of {@code profile}; what it publishes comes to {@link #apply}. */
    void connect(EnsembleProfile profile, char[] password, boolean save) {
        connection.set("connecting to " + profile.describe() + " ...");
        ensemble.connect(profile, password, save, snapshot -> ui.execute(() -> apply(snapshot)));
        rates.follow(profile.prometheus());
    }

    /** Drops the connection and everything shown of the fleet. */
    public void disconnect() {
        ensemble.disconnect();
        rates.stop();
        apply(EnsembleSnapshot.none("Not connected to a fleet: press \"Connect to a fleet ...\""));
        everConnected.set(false);
        audit.clear();
    }

    /** Folds in what the ensemble published. */
    public void apply(EnsembleSnapshot s) {
        boolean firstConnection = s.connected() && !everConnected.get();
        latest = s;
        connection.set(s.connection());
        connected.set(s.connected());
        writeRefusal.set(s.writeRefusal());
        everConnected.set(everConnected.get() || s.connected());
        problems.setAll(s.problems());
        rows.update(s);
        if (selected.get() != null && !methods.contains(selected.get())) {
            selected.set(null);
        }
        showInstances();
        if (firstConnection) {
            refreshAudit();
        }
    }

    /** The operator selected this row (or none). */
    public void select(EnsembleMethodRow row) {
        selected.set(row);
    }

    private void showInstances() {
        EnsembleMethodRow row = selected.get();
        EnsembleSnapshot.Application app = row == null ? null : latest.applications().get(row.application());
        if (app == null) {
            instances.clear();
            return;
        }
        String breaker = row.isGroup() ? null : row.target();
        instances.setAll(app.members().stream().sorted(Comparator.comparing(FleetMember::instanceId))
                .map(m -> EnsembleInstanceRow.of(m, breaker)).toList());
    }

    /** The confirmation step for {@code action} fleet-wide on the selected row, or null when not allowed now. */
    public PendingAction prepare(Action action) {
        EnsembleMethodRow row = selected.get();
        if (!actionsAllowed.get() || row == null) {
            return null;
        }
        return PendingAction.fleetWide(action, action.label() + " " + row.shortName() + " of " + row.application()
                + " in every instance registered in the fleet (" + row.instancesProperty().get() + " now); one write,"
                + " audited; instances that start later apply it too");
    }

    /**
     * Sends a confirmed fleet-wide action for the selected row. The future completes on the UI
     * executor after the outcome is shown (and the audit re-read); null when nothing was selected.
     */
    public CompletableFuture<EnsembleOutcome> confirm(PendingAction pending) {
        EnsembleMethodRow row = selected.get();
        if (row == null || !pending.readyProperty().get()) {
            return null;
        }
        Duration expiry = pending.action().takesReason() ? expiry(pending.expiryProperty().get()) : null;
        EnsembleAction action = new EnsembleAction(pending.action(), row.application(), row.target(),
                pending.reasonProperty().get(), expiry);
        status.set(action.describe() + ": writing ...");
        CompletableFuture<EnsembleOutcome> shown = new CompletableFuture<>();
        ensemble.act(action).whenComplete((outcome, error) -> ui.execute(() -> {
            EnsembleOutcome o = outcome != null ? outcome : new EnsembleOutcome(action, EnsembleOutcome.Result.UNKNOWN,
                    "", "the console could not tell: " + error);
            status.set(o.describe());
            results.add(0, o.describe());
            refreshAudit();
            shown.complete(o);
        }));
        return shown;
    }

    /** An expiry as the dialog checked it ({@link Formats#expiry}) as a duration from now; null for none. */
    static Duration expiry(String text) {
        String checked = Formats.expiry(text);
        if (checked.isEmpty()) {
            return null;
        }
        Duration d = checked.startsWith("P") ? Duration.parse(checked)
                : Duration.between(Instant.now(), Instant.parse(checked));
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("expiry must be in the future");
        }
        return d;
    }

    /** Reads the fleet's audit again (off this thread); the table follows when it is read. */
    public CompletableFuture<Void> refreshAudit() {
        return ensemble.audit(AUDIT_ENTRIES).handle((lines, error) -> {
            ui.execute(() -> {
                if (error != null) {
                    status.set("cannot read the fleet's audit: " + error.getMessage());
                } else {
                    audit.setAll(lines.stream().map(EnsembleAuditRow::of)
                            .sorted(Comparator.comparingLong(EnsembleAuditRow::atEpochMillis).reversed()).toList());
                }
            });
            return null;
        });
    }

    /**
     * The JMX connection profile of an instance, to open today's JMX view of it (the login is typed
     * in the connection dialog), or null when it registered no JMX address.
     */
    public ConnectionProfile drillDown(EnsembleInstanceRow row) {
        String address = row == null ? "" : row.jmxAddress().strip();
        if (address.isEmpty()) {
            status.set(row == null ? "select an instance first" : row.instanceId() + " registered no JMX address");
            return null;
        }
        if (address.startsWith("service:jmx:")) {
            return ConnectionProfile.atUrl(row.instanceId(), address);
        }
        int colon = address.lastIndexOf(':');
        try {
            return new ConnectionProfile(row.instanceId(), address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)), "", false, Permission.Role.UNKNOWN, "");
        } catch (RuntimeException notHostPort) {
            status.set(row.instanceId() + " registered the JMX address '" + address
                    + "', which is neither a service:jmx: URL nor host:port");
            return null;
        }
    }

    /** The rows' rates from Prometheus: where from, or why none. */
    public EnsembleRates rates() {
        return rates;
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    /** Every breaker (and forced group) of every application, across its instances. */
    public ObservableList<EnsembleMethodRow> methods() {
        return methods;
    }

    public ReadOnlyObjectProperty<EnsembleMethodRow> selectedProperty() {
        return selected;
    }

    /** The instances of the selected row's application, with that breaker's state on each. */
    public ObservableList<EnsembleInstanceRow> instances() {
        return instances;
    }

    /** Outcomes of this console's fleet-wide actions, newest first. */
    public ObservableList<String> results() {
        return results;
    }

    /** The last action's progress or outcome. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The fleet's audit, newest first. */
    public ObservableList<EnsembleAuditRow> audit() {
        return audit;
    }

    /** Nodes of the ensemble that were refused (corrupt or hostile), one sentence each. */
    public ObservableList<String> problems() {
        return problems;
    }

    public BooleanBinding actionsAllowedProperty() {
        return actionsAllowed;
    }

    public StringBinding actionsDisabledReasonProperty() {
        return actionsDisabledReason;
    }
}
