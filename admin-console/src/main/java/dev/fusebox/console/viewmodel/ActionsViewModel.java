package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.FleetOperations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator actions: whether they may be used now and why not, the confirmation step, and the
 * results per breaker. Actions on the selection are disabled when nothing is selected, when a
 * selected breaker's JVM is not connected, or when its login is (or turned out to be) a viewer;
 * the reason is shown.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests). The results of actions come back from the connections' workers
 * through the {@code ui} executor.
 */
public final class ActionsViewModel {

    /** How many result lines are kept. */
    static final int MAX_RESULTS = 200;

    private final FleetOperations operations;
    private final Executor ui;
    private final BooleanProperty selectionActionsAllowed = new SimpleBooleanProperty(this, "selectionActionsAllowed");
    private final StringProperty selectionDisabledReason = new SimpleStringProperty(this, "selectionDisabledReason",
            "select one or more breakers");
    private final BooleanProperty groupActionsAllowed = new SimpleBooleanProperty(this, "groupActionsAllowed");
    private final StringProperty groupDisabledReason = new SimpleStringProperty(this, "groupDisabledReason",
            "choose a group");
    private final StringProperty selectedGroup = new SimpleStringProperty(this, "selectedGroup");
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final IntegerProperty inFlight = new SimpleIntegerProperty(this, "inFlight");
    private List<MethodKey> selection = List.of();
    private Map<String, ConnectionState> connections = Map.of();
    private Map<String, Permission> permissions = Map.of();

    ActionsViewModel(FleetOperations operations, Executor ui) {
        this.operations = operations;
        this.ui = ui;
        selectedGroup.addListener((o, was, now) -> refresh());
    }

    void update(List<MethodKey> selected, Map<String, ConnectionState> jvmConnections,
                Map<String, Permission> jvmPermissions, Collection<String> groupNames) {
        selection = List.copyOf(selected);
        connections = Map.copyOf(jvmConnections);
        permissions = Map.copyOf(jvmPermissions);
        List<String> sorted = groupNames.stream().distinct().sorted().toList();
        if (!sorted.equals(groups)) {
            groups.setAll(sorted);
        }
        refresh();
    }

    private void refresh() {
        String why = selection.isEmpty() ? "select one or more breakers" : null;
        for (MethodKey key : selection) {
            if (why != null) {
                break;
            }
            why = refusal(key.jvm());
        }
        selectionActionsAllowed.set(why == null);
        selectionDisabledReason.set(why == null ? "" : why);

        String groupWhy = selectedGroup.get() == null || selectedGroup.get().isEmpty() ? "choose a group" : null;
        if (groupWhy == null) {
            boolean anyAllowed = connections.keySet().stream().anyMatch(j -> refusal(j) == null);
            if (!anyAllowed) {
                groupWhy = connections.isEmpty() ? "no JVM connected" : connections.keySet().stream()
                        .map(j -> j + ": " + refusal(j)).findFirst().orElse("no JVM connected");
            }
        }
        groupActionsAllowed.set(groupWhy == null);
        groupDisabledReason.set(groupWhy == null ? "" : groupWhy);
    }

    /** Why actions cannot go to {@code jvm}, or null when they can. */
    private String refusal(String jvm) {
        ConnectionState c = connections.get(jvm);
        if (c == null || !c.isConnected()) {
            return jvm + " is not connected";
        }
        Permission p = permissions.get(jvm);
        if (p != null && !p.actionsAllowed()) {
            return "actions disabled on " + jvm + ": " + p.reason();
        }
        return null;
    }

    /** The confirmation step for {@code action} on the selection, or null when it is not allowed now. */
    public PendingAction prepare(Action action) {
        return selectionActionsAllowed.get() ? new PendingAction(action, selection, null) : null;
    }

    /** The confirmation step for {@code action} on the chosen group, or null when it is not allowed now. */
    public PendingAction prepareForGroup(Action action) {
        return groupActionsAllowed.get() ? new PendingAction(action, List.of(), selectedGroup.get()) : null;
    }

    /**
     * Sends a confirmed action. The returned future completes on the UI executor after the results
     * are in {@link #results()}.
     *
     * @throws IllegalStateException when the action is not {@link PendingAction#readyProperty() ready}
     */
    public CompletableFuture<List<ActionOutcome>> confirm(PendingAction pending) {
        if (!pending.readyProperty().get()) {
            throw new IllegalStateException(pending.problemProperty().get());
        }
        Action action = pending.action();
        String reason = action.takesReason() ? pending.reasonProperty().get().strip() : "";
        String expiry = action.takesReason() ? Formats.expiry(pending.expiryProperty().get()) : "";
        return track(action.label(), pending.description(), () -> pending.group() != null
                ? operations.actOnGroup(action, pending.group(), reason, expiry)
                : operations.act(action, pending.targets(), reason, expiry));
    }

    /**
     * Sends what {@code send} starts, with the status line, in-flight count and result lines every
     * action shares (the shadow switches of {@link LimitsViewModel} use them too). The returned future
     * completes on the UI executor after the results are in {@link #results()}.
     */
    CompletableFuture<List<ActionOutcome>> track(String label, String description,
                                                 Supplier<CompletableFuture<List<ActionOutcome>>> send) {
        inFlight.set(inFlight.get() + 1);
        status.set(description + " ...");
        CompletableFuture<List<ActionOutcome>> sent = send.get();
        CompletableFuture<List<ActionOutcome>> shown = new CompletableFuture<>();
        sent.whenComplete((outcomes, error) -> ui.execute(() -> {
            inFlight.set(inFlight.get() - 1);
            if (error != null) {
                status.set(label + " failed: " + error);
                shown.completeExceptionally(error);
                return;
            }
            record(label, outcomes);
            shown.complete(outcomes);
        }));
        return shown;
    }

    /** Why actions cannot go to {@code jvm} now (not connected, or a viewer's login), or null when they can. */
    String refusalFor(String jvm) {
        return refusal(jvm);
    }

    private void record(String label, List<ActionOutcome> outcomes) {
        long ok = outcomes.stream().filter(o -> o.result().succeeded()).count();
        status.set(label + ": " + ok + " succeeded, " + (outcomes.size() - ok) + " failed"
                + (outcomes.isEmpty() ? " (nothing matched)" : ""));
        List<String> lines = new ArrayList<>();
        String at = Formats.clock(System.currentTimeMillis());
        outcomes.forEach(o -> lines.add(at + "  " + o.describe()));
        results.addAll(0, lines);
        if (results.size() > MAX_RESULTS) {
            results.remove(MAX_RESULTS, results.size());
        }
    }

    public ReadOnlyBooleanProperty selectionActionsAllowedProperty() {
        return selectionActionsAllowed;
    }

    /** Why the actions on the selection are disabled, or empty. */
    public ReadOnlyStringProperty selectionDisabledReasonProperty() {
        return selectionDisabledReason;
    }

    public ReadOnlyBooleanProperty groupActionsAllowedProperty() {
        return groupActionsAllowed;
    }

    public ReadOnlyStringProperty groupDisabledReasonProperty() {
        return groupDisabledReason;
    }

    /** The group chosen for group actions. */
    public StringProperty selectedGroupProperty() {
        return selectedGroup;
    }

    /** Every group defined in any connected JVM. */
    public ObservableList<String> groups() {
        return groups;
    }

    /** One line per breaker acted on, newest first. */
    public ObservableList<String> results() {
        return results;
    }

    /** What the last action did, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /**
     * Actions sent and not answered yet. Nothing waits for them: an action on a JVM that hangs must
     * not keep the operator from acting on the others.
     */
    public ReadOnlyIntegerProperty inFlightProperty() {
        return inFlight;
    }
}
