package dev.fusebox.console.view;

import dev.fusebox.console.feed.RatePoint;
import dev.fusebox.console.viewmodel.AuditRow;
import dev.fusebox.console.viewmodel.BreakerDetail;
import dev.fusebox.console.viewmodel.BulkheadGauge;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected breaker: facts, a chart of its rates over five minutes (with a game day's faults on it,
 * {@link RateChart}), transitions, the audited actions on it, bulkhead gauges. While the breaker's JVM is not connected the chart is frozen at its
 * last reading, greyed (no colour, faded, style class {@code stale}), its time axis counts back from
 * that reading and a note above it says so. With no breaker selected the chart has no series at all
 * (emptying a {@link LineChart}'s series leaves its last line drawn).
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class DetailPane extends VBox {

    private final XYChart.Series<Number, Number> calls = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> failures = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rejections = new XYChart.Series<>();
    private final VBox gauges = new VBox(6);
    private final RateChart chart;
    private final NumberAxis timeAxis;

    DetailPane(BreakerDetail detail) {
        super(8);
        setId("detailPane");
        getStyleClass().add("detail");

        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.textProperty().bind(detail.titleProperty());

        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(4);
        addFact(facts, 0, "State", detail.stateTextProperty(), "detailState");
        addFact(facts, 1, "Forcing", detail.forcingProperty(), "detailForcing");
        addFact(facts, 2, "Window", detail.windowProperty(), "detailWindow");
        addFact(facts, 3, "Counters", detail.countersProperty(), "detailCounters");
        addFact(facts, 4, "Configuration", detail.configurationProperty(), "detailConfiguration");

        NumberAxis x = new NumberAxis(-60, 0, 10);
        x.labelProperty().bind(detail.timeAxisLabelProperty());
        x.setAutoRanging(false);
        timeAxis = x;
        NumberAxis y = new NumberAxis();
        y.setLabel("per second");
        y.setForceZeroInRange(true);
        chart = new RateChart(x, y);
        chart.setId("rateChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(220);
        chart.setMinHeight(160);
        calls.setName("calls/s");
        failures.setName("failures/s");
        rejections.setName("rejections/s");
        detail.history().addListener((ListChangeListener<RatePoint>) c -> plot(detail.history()));
        detail.liveProperty().addListener((o, was, live) -> showLive(live));
        detail.marksProperty().addListener((o, was, marks) -> chart.marks(marks));
        Label chartNote = new Label();
        chartNote.setId("chartStatus");
        chartNote.getStyleClass().add("stale-note");
        chartNote.textProperty().bind(detail.chartNoteProperty());
        chartNote.visibleProperty().bind(detail.chartNoteProperty().isNotEmpty());
        chartNote.managedProperty().bind(chartNote.visibleProperty());

        ListView<String> transitions = new ListView<>(detail.transitions());
        transitions.setId("transitions");
        transitions.setPrefHeight(130);
        TitledPane transitionsPane = new TitledPane("Transitions (newest first), with causes", transitions);
        transitionsPane.setCollapsible(false);

        ListView<AuditRow> audit = new ListView<>(detail.audit());
        audit.setId("detailAudit");
        audit.setPrefHeight(90);
        audit.setPlaceholder(new Label("no audited actions on this breaker"));
        audit.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.line());
                getStyleClass().remove("audit-refused");
                if (!empty && row != null && row.refused()) {
                    getStyleClass().add("audit-refused");
                }
            }
        });
        TitledPane auditPane = new TitledPane("Audited actions (newest first)", audit);
        auditPane.setCollapsible(false);

        TitledPane gaugesPane = new TitledPane("Bulkheads of the application", gauges);
        gaugesPane.setCollapsible(false);
        gauges.setId("bulkheadGauges");
        detail.bulkheads().addListener((ListChangeListener<BulkheadGauge>) c -> showGauges(detail.bulkheads()));

        VBox.setVgrow(transitionsPane, Priority.ALWAYS);
        getChildren().addAll(title, facts, chartNote, chart, transitionsPane, auditPane, gaugesPane);
    }

    private static void addFact(GridPane grid, int row, String name, ObservableValue<String> value,
                                String id) {
        Label key = new Label(name);
        key.getStyleClass().add("fact-name");
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.textProperty().bind(value);
        grid.addRow(row, key, text);
    }

    private void showLive(boolean live) {
        chart.getStyleClass().remove("stale");
        if (!live) {
            chart.getStyleClass().add("stale");
        }
        chart.setEffect(live ? null : new ColorAdjust(0, -1, 0, 0));
    }

    private void plot(List<RatePoint> history) {
        if (history.isEmpty()) {
            chart.getData().clear();
            return;
        }
        if (chart.getData().isEmpty()) {
            chart.getData().addAll(List.of(calls, failures, rejections));
        }
        long end = history.get(history.size() - 1).atMillis();
        chart.endAt(end);
        long span = end - history.get(0).atMillis();
        // the last minute at least, up to the five minutes the feed keeps, in whole minutes
        long minutes = Math.min(5, Math.max(1, (span + 59_999) / 60_000));
        timeAxis.setLowerBound(-60.0 * minutes);
        timeAxis.setTickUnit(minutes == 1 ? 10 : 60);
        calls.getData().setAll(points(history, end, RatePoint::callsPerSecond));
        failures.getData().setAll(points(history, end, RatePoint::failuresPerSecond));
        rejections.getData().setAll(points(history, end, RatePoint::rejectionsPerSecond));
    }

    private static List<XYChart.Data<Number, Number>> points(List<RatePoint> history, long end,
                                                           ToDoubleFunction<RatePoint> value) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(history.size());
        for (RatePoint p : history) {
            data.add(new XYChart.Data<>((p.atMillis() - end) / 1000.0, value.applyAsDouble(p)));
        }
        return data;
    }

    private void showGauges(List<BulkheadGauge> list) {
        gauges.getChildren().clear();
        if (list.isEmpty()) {
            gauges.getChildren().add(new Label("no bulkheads"));
        }
        for (BulkheadGauge g : list) {
            ProgressBar slots = new ProgressBar(g.slotsUsed());
            slots.setPrefWidth(160);
            if (g.saturated()) {
                slots.getStyleClass().add("saturated");
            }
            Label name = new Label((g.sameMethod() ? "this method: " : "") + g.name());
            name.getStyleClass().add("fact-name");
            Label text = new Label(g.text());
            text.setMinWidth(Region.USE_PREF_SIZE);
            gauges.getChildren().addAll(name, new HBox(8, slots, text));
        }
    }
}
