package dev.fusebox.console.viewmodel;

import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.BulkheadSnapshot;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.RateLimitReading;
import dev.fusebox.console.feed.RetryBudgetReading;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.FleetOperations;
import dev.fusebox.console.operator.ShadowTarget;
import dev.fusebox.console.operator.ShadowedPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Limits & shadow" screen: every policy with a shadow mode in the fleet (rate limits, circuit
 * breakers, bulkheads) with its mode and would-reject count, every retry budget, and the operator's
 * shadow switch on the selected policies. The switch follows the rules of the other actions: disabled,
 * with the reason, when nothing is selected, when a selected policy's JVM is not connected or its login
 * is a viewer; a reason is required; the outcome goes to the shared status and result lines of
 * {@link ActionsViewModel}. Rows of a JVM that is not connected stay, marked {@code (last known)}.
 *
 * <p>Thread-safety: not thread-safe; confined to the FX thread in the running console (to the one test
 * thread in the view-model tests). Snapshots reach {@link #apply} through the console's view-model.
 */
public final class LimitsViewModel {

    private final FleetOperations operations;
    private final ActionsViewModel actions;
    private final ObservableList<ShadowRow> shadowRows = FXCollections.observableArrayList();
    private final ObservableList<BudgetRow> budgets = FXCollections.observableArrayList();
    private final Map<ShadowTarget, ShadowRow> rowsByTarget = new HashMap<>();
    private final Map<MethodKey, BudgetRow> budgetsByKey = new HashMap<>();
    private final BooleanProperty switchAllowed = new SimpleBooleanProperty(this, "switchAllowed");
    private final StringProperty switchDisabledReason = new SimpleStringProperty(this, "switchDisabledReason",
            "select one or more policies");
    private List<ShadowRow> selection = List.of();

    LimitsViewModel(FleetOperations operations, ActionsViewModel actions) {
        this.operations = operations;
        this.actions = actions;
    }

    /** Folds in the latest snapshot of one JVM. */
    void apply(JvmSnapshot s) {
        if (s.removed()) {
            drop(s.jvm(), Set.of(), Set.of());
            return;
        }
        boolean connected = s.connection().isConnected();
        Set<ShadowTarget> present = new HashSet<>();
        List<ShadowRow> added = new ArrayList<>();
        for (RateLimitReading r : s.rateLimits()) {
            row(ShadowedPolicy.RATE_LIMIT, r.key(), present, added, row -> row.apply(r, connected));
        }
        for (BreakerSnapshot b : s.breakers()) {
            row(ShadowedPolicy.CIRCUIT_BREAKER, b.key(), present, added, row -> row.apply(b.reading(), connected));
        }
        for (BulkheadSnapshot b : s.bulkheads()) {
            row(ShadowedPolicy.BULKHEAD, b.key(), present, added, row -> row.apply(b.reading(), connected));
        }
        shadowRows.addAll(added);
        Set<MethodKey> budgetKeys = new HashSet<>();
        for (RetryBudgetReading r : s.retryBudgets()) {
            budgetKeys.add(r.key());
            BudgetRow row = budgetsByKey.get(r.key());
            if (row == null) {
                row = new BudgetRow(r.key());
                budgetsByKey.put(r.key(), row);
                budgets.add(row);
            }
            row.apply(r, connected);
        }
        if (connected) {
            // a lost JVM keeps its last known rows; a connected one shows what it has now
            drop(s.jvm(), present, budgetKeys);
        }
        selection = selection.stream().filter(r -> rowsByTarget.get(r.target()) == r).toList();
    }

    private void row(ShadowedPolicy policy, MethodKey key, Set<ShadowTarget> present, List<ShadowRow> added,
                     Consumer<ShadowRow> update) {
        ShadowTarget target = new ShadowTarget(policy, key);
        present.add(target);
        ShadowRow row = rowsByTarget.get(target);
        if (row == null) {
            row = new ShadowRow(target);
            rowsByTarget.put(target, row);
            added.add(row);
        }
        update.accept(row);
    }

    /** Removes the rows of {@code jvm} other than those kept. */
    private void drop(String jvm, Set<ShadowTarget> keep, Set<MethodKey> keepBudgets) {
        List<ShadowRow> gone = shadowRows.stream().filter(r -> r.key().jvm().equals(jvm)
                && !keep.contains(r.target())).toList();
        gone.forEach(r -> rowsByTarget.remove(r.target()));
        shadowRows.removeAll(gone);
        List<BudgetRow> goneBudgets = budgets.stream().filter(r -> r.key().jvm().equals(jvm)
                && !keepBudgets.contains(r.key())).toList();
        goneBudgets.forEach(r -> budgetsByKey.remove(r.key()));
        budgets.removeAll(goneBudgets);
    }

    /** The operator selected these rows. */
    public void select(List<ShadowRow> rows) {
        selection = List.copyOf(rows);
        refresh();
    }

    /** Works out again whether the switch may be used (after a change of selection, connection or login). */
    void refresh() {
        String why = selection.isEmpty() ? "select one or more policies" : null;
        for (ShadowRow row : selection) {
            if (why != null) {
                break;
            }
            why = actions.refusalFor(row.key().jvm());
        }
        switchAllowed.set(why == null);
        switchDisabledReason.set(why == null ? "" : why);
    }

    /** The confirmation step for shadow mode on or off on the selection, or null when not allowed now. */
    public PendingShadowSwitch prepare(boolean shadow) {
        return switchAllowed.get()
                ? new PendingShadowSwitch(selection.stream().map(ShadowRow::target).toList(), shadow) : null;
    }

    /**
     * Sends a confirmed switch; the returned future completes on the UI executor after its result lines
     * are in {@link ActionsViewModel#results()}.
     *
     * @throws IllegalStateException when it is not {@link PendingShadowSwitch#readyProperty() ready}
     */
    public CompletableFuture<List<ActionOutcome>> confirm(PendingShadowSwitch pending) {
        if (!pending.readyProperty().get()) {
            throw new IllegalStateException(pending.problemProperty().get());
        }
        String reason = pending.reasonProperty().get().strip();
        return actions.track(pending.label(), pending.description(),
                () -> operations.switchShadow(pending.targets(), pending.shadow(), reason));
    }

    /** Every rate limit, circuit breaker and bulkhead of the fleet, with its shadow mode. */
    public ObservableList<ShadowRow> shadowRows() {
        return shadowRows;
    }

    /** Every retry budget of the fleet. */
    public ObservableList<BudgetRow> budgets() {
        return budgets;
    }

    public ReadOnlyBooleanProperty switchAllowedProperty() {
        return switchAllowed;
    }

    /** Why the shadow switch is disabled, or empty. */
    public ReadOnlyStringProperty switchDisabledReasonProperty() {
        return switchDisabledReason;
    }

    /** The status line the switches share with the other actions. */
    public ReadOnlyStringProperty statusProperty() {
        return actions.statusProperty();
    }
}
