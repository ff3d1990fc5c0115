package dev.fusebox.console.view;

import static dev.fusebox.console.view.Columns.constant;
import static dev.fusebox.console.view.Columns.text;

import dev.fusebox.console.viewmodel.AdaptiveRow;
import dev.fusebox.console.viewmodel.AdaptiveViewModel;
import dev.fusebox.console.viewmodel.HedgeRow;
import java.util.List;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Adaptive & hedges" screen: the adaptive bulkheads (the limit each found, its bounds, calls
 * running, refusals by priority), the chart of the selected one's recent windows
 * ({@link LimitHistoryChart}), and the hedges (delay, percentile, attempts started, won, refused).
 * Read only.
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class AdaptiveView extends VBox {

    AdaptiveView(AdaptiveViewModel vm) {
        super(6);
        setId("adaptiveView");
        setPadding(new Insets(6));
        TableView<AdaptiveRow> adaptiveTable = adaptiveTable(vm);
        TableView<HedgeRow> hedgeTable = hedgeTable(vm);
        LimitHistoryChart chart = new LimitHistoryChart(vm.history());
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(
                new Label("Adaptive bulkheads: the concurrency limit each found from latency (select one to see"
                        + " its recent windows)"),
                adaptiveTable, chart,
                new Label("Hedges: a further attempt after the delay, the first answer wins"), hedgeTable);
    }

    private static TableView<AdaptiveRow> adaptiveTable(AdaptiveViewModel vm) {
        TableView<AdaptiveRow> table = new TableView<>();
        table.setId("adaptiveTable");
        SortedList<AdaptiveRow> sorted = new SortedList<>(vm.adaptiveRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPrefHeight(140);
        table.setMinHeight(90);
        table.setPlaceholder(new Label("No adaptive bulkhead in the connected JVMs"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> vm.select(row));
        table.getColumns().setAll(List.of(
                text("JVM", 110, r -> constant(r.key().jvm())),
                text("Application", 100, r -> constant(r.key().application())),
                text("Bean", 150, r -> constant(r.key().simpleBean())),
                text("Method", 110, r -> constant(r.key().method())),
                text("Algorithm", 90, AdaptiveRow::algorithmProperty),
                text("Limit now", 120, AdaptiveRow::limitProperty),
                text("Min\u2013max", 80, AdaptiveRow::boundsProperty),
                text("Running", 70, AdaptiveRow::runningProperty),
                text("Rejected live / batch", 150, AdaptiveRow::rejectedProperty),
                text("Priority", 190, AdaptiveRow::priorityProperty)));
        return table;
    }

    private static TableView<HedgeRow> hedgeTable(AdaptiveViewModel vm) {
        TableView<HedgeRow> table = new TableView<>();
        table.setId("hedgeTable");
        SortedList<HedgeRow> sorted = new SortedList<>(vm.hedgeRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPrefHeight(130);
        table.setMinHeight(90);
        table.setPlaceholder(new Label("No hedge in the connected JVMs"));
        table.getColumns().setAll(List.of(
                text("JVM", 110, r -> constant(r.key().jvm())),
                text("Application", 100, r -> constant(r.key().application())),
                text("Bean", 150, r -> constant(r.key().simpleBean())),
                text("Method", 110, r -> constant(r.key().method())),
                text("Delay now", 140, HedgeRow::delayProperty),
                text("Percentile", 80, HedgeRow::percentileProperty),
                text("Max hedges", 90, HedgeRow::maxHedgesProperty),
                text("Started", 80, HedgeRow::startedProperty),
                text("Won", 70, HedgeRow::wonProperty),
                text("Refused", 70, HedgeRow::refusedProperty),
                text("Won share", 80, HedgeRow::wonShareProperty)));
        return table;
    }
}
