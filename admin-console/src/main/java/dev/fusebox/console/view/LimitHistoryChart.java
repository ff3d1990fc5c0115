package dev.fusebox.console.view;

import dev.fusebox.console.viewmodel.LimitHistory;
import dev.fusebox.console.viewmodel.LimitPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected adaptive bulkhead's recent windows, side by side: the limit each window set and the
 * most calls in flight during it (calls), and the calls' mean round trip (ms), over a time axis counted
 * back from the last window in the unit its label names. Not live (its JVM lost): greyed like the
 * breaker chart, with a note above. With nothing to draw the charts hold no series (emptying a
 * {@link LineChart}'s series leaves its last line drawn).
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class LimitHistoryChart extends VBox {

    private final XYChart.Series<Number, Number> limit = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> inflight = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> roundTrip = new XYChart.Series<>();
    private final LineChart<Number, Number> callsChart;
    private final LineChart<Number, Number> rttChart;

    LimitHistoryChart(LimitHistory history) {
        super(4);
        setId("limitHistory");
        Label title = new Label();
        title.setId("limitHistoryTitle");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(history.titleProperty());
        Label note = new Label();
        note.setId("limitHistoryNote");
        note.getStyleClass().add("stale-note");
        note.textProperty().bind(history.noteProperty());
        note.visibleProperty().bind(history.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        limit.setName("limit");
        inflight.setName("most in flight");
        roundTrip.setName("mean round trip (ms)");
        callsChart = chart("limitChart", history, "calls");
        rttChart = chart("rttChart", history, "ms");
        HBox.setHgrow(callsChart, Priority.ALWAYS);
        HBox.setHgrow(rttChart, Priority.ALWAYS);
        history.points().addListener((ListChangeListener<LimitPoint>) c -> plot(history.points()));
        history.liveProperty().addListener((o, was, live) -> showLive(live));
        HBox charts = new HBox(8, callsChart, rttChart);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(title, note, charts);
    }

    private static LineChart<Number, Number> chart(String id, LimitHistory history, String yUnit) {
        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(history.timeAxisLabelProperty());
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yUnit);
        y.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(260);
        chart.setMinHeight(200);
        return chart;
    }

    private void plot(List<LimitPoint> points) {
        if (points.isEmpty()) {
            callsChart.getData().clear();
            rttChart.getData().clear();
            return;
        }
        limit.getData().setAll(data(points, LimitPoint::limit));
        inflight.getData().setAll(data(points, LimitPoint::maxInflight));
        roundTrip.getData().setAll(data(points, LimitPoint::meanRttMillis));
        if (callsChart.getData().isEmpty()) {
            callsChart.getData().addAll(List.of(limit, inflight));
            rttChart.getData().add(roundTrip);
        }
    }

    private static List<XYChart.Data<Number, Number>> data(List<LimitPoint> points, ToDoubleFunction<LimitPoint> y) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (LimitPoint p : points) {
            data.add(new XYChart.Data<>(p.time(), y.applyAsDouble(p)));
        }
        return data;
    }

    private void showLive(boolean live) {
        for (LineChart<Number, Number> chart : List.of(callsChart, rttChart)) {
            chart.getStyleClass().remove("stale");
            if (!live) {
                chart.getStyleClass().add("stale");
            }
            chart.setEffect(live ? null : new ColorAdjust(0, -1, 0, 0));
        }
    }
}
