package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.BudgetRow;
import dev.fusebox.console.viewmodel.LimitsViewModel;
import dev.fusebox.console.viewmodel.PendingShadowSwitch;
import dev.fusebox.console.viewmodel.ShadowRow;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Limits & shadow" screen: the table of policies with a shadow mode (rate limits with their
 * window, circuit breakers, bulkheads; enforcing or shadow, admitted, rejected, would reject), the
 * shadow switch under it (disabled with the reason, a confirmation with a required reason), the
 * status line the actions share, and the retry budgets table.
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class LimitsView extends VBox {

    LimitsView(LimitsViewModel vm) {
        super(6);
        setId("limitsView");
        setPadding(new Insets(6));
        TableView<ShadowRow> shadowTable = shadowTable(vm);
        Label shadowTitle = new Label("Rate limits, circuit breakers and bulkheads: enforcing, or in shadow mode"
                + " (counting what they would reject, rejecting nothing)");
        Label budgetsTitle = new Label("Retry budgets: retries allowed as a share of first attempts");
        TableView<BudgetRow> budgetTable = budgetTable(vm);
        VBox.setVgrow(shadowTable, Priority.ALWAYS);
        VBox.setVgrow(budgetTable, Priority.SOMETIMES);
        getChildren().addAll(shadowTitle, shadowTable, switches(vm, shadowTable), budgetsTitle, budgetTable);
    }

    private static TableView<ShadowRow> shadowTable(LimitsViewModel vm) {
        TableView<ShadowRow> table = new TableView<>();
        table.setId("shadowTable");
        SortedList<ShadowRow> sorted = new SortedList<>(vm.shadowRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No rate limit, circuit breaker or bulkhead in the connected JVMs"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ShadowRow>) c ->
                vm.select(List.copyOf(table.getSelectionModel().getSelectedItems())));
        table.getColumns().setAll(List.of(
                text("JVM", 110, r -> constant(r.key().jvm())),
                text("Application", 100, r -> constant(r.key().application())),
                text("Bean", 160, r -> constant(r.key().simpleBean())),
                text("Method", 120, r -> constant(r.key().method())),
                text("Policy", 110, r -> constant(r.policy().label())),
                text("Settings", 230, ShadowRow::settingsProperty),
                text("Mode", 130, ShadowRow::modeProperty),
                text("Admitted", 90, ShadowRow::admittedProperty),
                text("Rejected", 90, ShadowRow::rejectedProperty),
                text("Would reject", 100, ShadowRow::wouldRejectProperty)));
        return table;
    }

    private static HBox switches(LimitsViewModel vm, TableView<ShadowRow> table) {
        Button on = new Button("Shadow on ...");
        on.setId("shadowOnButton");
        Button off = new Button("Shadow off ...");
        off.setId("shadowOffButton");
        on.disableProperty().bind(vm.switchAllowedProperty().not());
        off.disableProperty().bind(vm.switchAllowedProperty().not());
        on.setOnAction(e -> ask(vm, table, true));
        off.setOnAction(e -> ask(vm, table, false));
        Label why = new Label();
        why.setId("shadowDisabledReason");
        why.textProperty().bind(vm.switchDisabledReasonProperty());
        Label status = new Label();
        status.setId("shadowStatus");
        status.textProperty().bind(vm.statusProperty());
        return new HBox(8, on, off, why, status);
    }

    private static void ask(LimitsViewModel vm, TableView<ShadowRow> table, boolean shadow) {
        PendingShadowSwitch pending = vm.prepare(shadow);
        if (pending != null) {
            ShadowDialog.show(table.getScene().getWindow(), pending, vm::confirm);
        }
    }

    private static TableView<BudgetRow> budgetTable(LimitsViewModel vm) {
        TableView<BudgetRow> table = new TableView<>();
        table.setId("budgetTable");
        SortedList<BudgetRow> sorted = new SortedList<>(vm.budgets());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPrefHeight(160);
        table.setPlaceholder(new Label("No retry budget in the connected JVMs"));
        table.getColumns().setAll(List.of(
                text("JVM", 110, r -> constant(r.key().jvm())),
                text("Application", 100, r -> constant(r.key().application())),
                text("Bean", 160, r -> constant(r.key().simpleBean())),
                text("Method", 120, r -> constant(r.key().method())),
                text("Group", 100, BudgetRow::groupProperty),
                text("Budget", 300, BudgetRow::budgetProperty),
                text("Balance now", 100, BudgetRow::balanceProperty),
                text("Granted", 90, BudgetRow::grantedProperty),
                text("Refused", 90, BudgetRow::refusedProperty)));
        return table;
    }
}
