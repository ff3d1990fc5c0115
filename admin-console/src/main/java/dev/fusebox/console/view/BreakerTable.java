package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.BreakerRow;
import dev.fusebox.console.viewmodel.ConsoleViewModel;
import dev.fusebox.console.viewmodel.Formats;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Every breaker of the fleet that passes the view-model's filter, sortable by any column, with
 * multiple selection (the view-model learns every change of the selection). The state column is
 * coloured: open, half-open, closed, and grey for rows of a JVM that went away ({@code (last known)}).
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class BreakerTable extends TableView<BreakerRow> {

    BreakerTable(ConsoleViewModel vm) {
        setId("breakerTable");
        SortedList<BreakerRow> sorted = new SortedList<>(vm.visibleBreakers());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setPlaceholder(new Label("No circuit breakers (yet)"));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<BreakerRow>) c ->
                vm.select(List.copyOf(getSelectionModel().getSelectedItems())));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                text("JVM", 75, r -> constant(r.jvm())),
                text("Application", 75, r -> constant(r.application())),
                text("Bean", 100, r -> constant(r.bean())),
                text("Method", 75, r -> constant(r.method())),
                stateColumn(),
                text("Forced", 100, BreakerRow::forcedBadgeProperty),
                text("Failures", 60, r -> Bindings.createStringBinding(
                        () -> Formats.percent(r.failureRatioProperty().get()), r.failureRatioProperty())),
                text("Calls", 60, r -> Bindings.createStringBinding(
                        () -> Formats.rate(r.callsPerSecondProperty().get()), r.callsPerSecondProperty())),
                text("Rejections", 70, r -> Bindings.createStringBinding(
                        () -> Formats.rate(r.rejectionsPerSecondProperty().get()), r.rejectionsPerSecondProperty())),
                text("In state", 70, BreakerRow::timeInStateProperty)));
    }

    private static TableColumn<BreakerRow, String> stateColumn() {
        TableColumn<BreakerRow, String> state = text("State", 160, BreakerRow::stateTextProperty);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                getStyleClass().removeAll("state-open", "state-half-open", "state-closed", "state-stale");
                if (!empty && value != null) {
                    getStyleClass().add(value.endsWith("(last known)") ? "state-stale"
                            : value.startsWith("OPEN") ? "state-open"
                            : value.startsWith("HALF_OPEN") ? "state-half-open" : "state-closed");
                }
            }
        });
        return state;
    }
}
