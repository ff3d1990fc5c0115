package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.FleetRow;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The fleet overview: one row per application per JVM, with its breakers by state, saturated
 * bulkheads, the connection's health (green when {@code CONNECTED}) and what the login may do.
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class FleetTable extends TableView<FleetRow> {

    FleetTable(ObservableList<FleetRow> rows) {
        setId("fleetTable");
        setItems(rows);
        setPrefHeight(150);
        setPlaceholder(new Label("Not connected to any JVM: press \"Connect ...\""));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                text("JVM", 120, r -> constant(r.jvm())),
                text("Application", 110, r -> constant(r.application().isEmpty() ? "-" : r.application())),
                text("Closed", 60, r -> r.closedProperty().asString()),
                text("Open", 60, r -> r.openProperty().asString()),
                text("Half-open", 70, r -> r.halfOpenProperty().asString()),
                text("Forced", 60, r -> r.forcedProperty().asString()),
                text("Saturated bulkheads", 130, r -> r.saturatedBulkheadsProperty().asString()),
                healthColumn(),
                text("Access", 200, FleetRow::accessProperty)));
    }

    private static TableColumn<FleetRow, String> healthColumn() {
        TableColumn<FleetRow, String> health = text("Connection", 260, FleetRow::healthProperty);
        health.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                getStyleClass().removeAll("health-bad", "health-good");
                if (!empty && value != null) {
                    getStyleClass().add(value.equals("CONNECTED") ? "health-good" : "health-bad");
                }
            }
        });
        return health;
    }
}
