package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.FleetRow;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The fleet overview: one row per application per JVM, with its breakers by state, saturated
 * bulkheads, the connection's health (green when {@code CONNECTED}) and what the login may do. Columns
 * are as wide as their text ({@link FittedColumns}).
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class FleetTable extends TableView<FleetRow> {

    FleetTable(ObservableList<FleetRow> rows) {
        setId("fleetTable");
        setItems(rows);
        setPrefHeight(150);
        setPlaceholder(new Label("Not connected to any JVM: press \"Connect ...\""));
        getColumns().setAll(List.of(
                text("JVM", r -> constant(r.jvm())),
                text("Application", r -> constant(r.application().isEmpty() ? "-" : r.application())),
                text("Closed", r -> r.closedProperty().asString()),
                text("Open", r -> r.openProperty().asString()),
                text("Half-open", r -> r.halfOpenProperty().asString()),
                text("Forced", r -> r.forcedProperty().asString()),
                text("Saturated bulkheads", r -> r.saturatedBulkheadsProperty().asString()),
                healthColumn(),
                text("Access", FleetRow::accessProperty)));
        FittedColumns.fit(this);
    }

    private static TableColumn<FleetRow, String> healthColumn() {
        TableColumn<FleetRow, String> health = text("Connection", FleetRow::healthProperty);
        health.getProperties().put(FittedColumns.BOLD_CELLS, true); // health-bad is bold
        health.setCellFactory(c -> new FittedCell<>() {
            @Override
            protected void decorate(String value) {
                getStyleClass().removeAll("health-bad", "health-good");
                if (value != null) {
                    getStyleClass().add(value.equals("CONNECTED") ? "health-good" : "health-bad");
                }
            }
        });
        return health;
    }
}
