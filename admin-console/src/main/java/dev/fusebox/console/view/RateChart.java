package dev.fusebox.console.view;

import dev.fusebox.console.viewmodel.ChartMarks;
import dev.fusebox.console.viewmodel.FaultWindow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The breaker's rate chart (a line chart over seconds before its last reading) with a game day's
 * marks behind the lines: each fault window as a shaded band labelled with its dependency and fault
 * (style classes {@code fault-band}, {@code fault-band-label}), and each opening of the experiment's
 * detect breaker as a dashed line ({@code open-mark}). The nodes are made when the marks change and
 * only placed when the chart lays itself out, on the same time axis as the data.
 *
 * <p>Thread-safety: a scene-graph node; FX thread only.
 */
final class RateChart extends LineChart<Number, Number> {

    private static final double LABEL_LINE = 14;

    private final NumberAxis time;
    private final List<Node> overlay = new ArrayList<>();
    private ChartMarks marks = ChartMarks.NONE;
    /** The last reading's time: second 0 of the axis. */
    private long endMillis;

    RateChart(NumberAxis time, NumberAxis values) {
        super(time, values);
        this.time = time;
    }

    /** The epoch millisecond at second 0 of the time axis (the last reading). */
    void endAt(long millis) {
        if (millis != endMillis) {
            endMillis = millis;
            requestChartLayout();
        }
    }

    void marks(ChartMarks newMarks) {
        marks = newMarks == null ? ChartMarks.NONE : newMarks;
        getPlotChildren().removeAll(overlay);
        overlay.clear();
        for (FaultWindow w : marks.faults()) {
            Rectangle band = new Rectangle();
            band.getStyleClass().add("fault-band");
            band.setMouseTransparent(true);
            Text label = new Text(w.label());
            label.getStyleClass().add("fault-band-label");
            label.setMouseTransparent(true);
            overlay.addAll(List.of(band, label));
        }
        for (int i = 0; i < marks.opens().size(); i++) {
            Line open = new Line();
            open.getStyleClass().add("open-mark");
            Text label = new Text("OPEN");
            label.getStyleClass().add("open-mark-label");
            overlay.addAll(List.of(open, label));
        }
        getPlotChildren().addAll(0, overlay);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double lower = time.getLowerBound();
        double upper = time.getUpperBound();
        double height = getYAxis().getHeight();
        int n = 0;
        for (int i = 0; i < marks.faults().size(); i++) {
            FaultWindow w = marks.faults().get(i);
            double from = Math.max(lower, seconds(w.startMillis()));
            double to = w.ongoing() ? upper : Math.min(upper, seconds(w.endMillis()));
            Rectangle band = (Rectangle) overlay.get(n++);
            Text label = (Text) overlay.get(n++);
            boolean shown = endMillis != 0 && to > from;
            band.setVisible(shown);
            label.setVisible(shown);
            if (shown) {
                double x0 = time.getDisplayPosition(from);
                band.setX(x0);
                band.setY(0);
                band.setWidth(Math.max(1, time.getDisplayPosition(to) - x0));
                band.setHeight(height);
                // inside the plot: a band at the right edge (a fault still on) has its label end there
                double width = label.getLayoutBounds().getWidth();
                label.setX(Math.max(0, Math.min(x0 + 3, time.getWidth() - width - 3)));
                label.setY(LABEL_LINE * (1 + i % 3));
            }
        }
        for (long open : marks.opens()) {
            Line line = (Line) overlay.get(n++);
            Text label = (Text) overlay.get(n++);
            double at = seconds(open);
            boolean shown = endMillis != 0 && at >= lower && at <= upper;
            line.setVisible(shown);
            label.setVisible(shown);
            if (shown) {
                double x = time.getDisplayPosition(at);
                line.setStartX(x);
                line.setEndX(x);
                line.setStartY(0);
                line.setEndY(height);
                label.setX(x + 3);
                label.setY(height - 4);
            }
        }
    }

    private double seconds(long epochMillis) {
        return (epochMillis - endMillis) / 1000.0;
    }
}
