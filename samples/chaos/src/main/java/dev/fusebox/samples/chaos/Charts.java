package dev.fusebox.samples.chaos;

import dev.fusebox.samples.chaos.analysis.BreakerTransition;
import dev.fusebox.samples.chaos.analysis.SecondStats;
import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.FaultStep;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's three PNG charts, drawn with JFreeChart (headless): throughput, latency (p50 and
 * p99, log scale) and error and degraded shares, each over the seconds of the recorded load, the
 * fault window shaded and labelled, the watched breaker's openings as red dashed lines and its
 * closings as green ones. Each second is plotted at its middle. Stateless.
 */
final class Charts {

    static final String THROUGHPUT = "throughput.png";
    static final String LATENCY = "latency.png";
    static final String ERRORS = "errors.png";
    private static final Font FONT = ChartStyle.FONT;
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    private Charts() {
    }

    /** Writes the three charts into {@code directory}. */
    static void write(Path directory, Experiment experiment, List<SecondStats> seconds,
                      List<BreakerTransition> transitions) throws IOException {
        XYSeriesCollection throughput = new XYSeriesCollection();
        throughput.addSeries(series("sent /s", seconds, SecondStats::sent));
        throughput.addSeries(series("answered 2xx /s", seconds, SecondStats::ok));
        throughput.addSeries(series("errors /s", seconds, SecondStats::errors));
        JFreeChart chart = chart("experiment " + experiment.name() + ": throughput, by the second each request was due",
                "requests per second", throughput, new Color[] {Color.GRAY, new Color(0, 110, 180), new Color(200, 30, 30)});
        chart.getXYPlot().getRangeAxis().setRange(0, experiment.load().ratePerSecond() * 1.3);
        mark(chart, experiment, transitions);
        ChartStyle.save(directory.resolve(THROUGHPUT), chart);

        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(series("p50", seconds.stream().filter(s -> s.answered() > 0).toList(), SecondStats::p50Millis));
        latency.addSeries(series("p99", seconds.stream().filter(s -> s.answered() > 0).toList(), SecondStats::p99Millis));
        chart = chart("experiment " + experiment.name() + ": latency, from when each request was due to its answer",
                "latency (ms)", latency, new Color[] {new Color(0, 110, 180), new Color(230, 120, 0)});
        LogAxis log = new LogAxis("latency (ms, log scale: each tick doubles)");
        log.setBase(2);
        log.setTickUnit(new NumberTickUnit(1));
        log.setMinorTickCount(1);
        log.setNumberFormatOverride(new DecimalFormat("#,##0"));
        log.setLabelFont(FONT);
        log.setTickLabelFont(FONT);
        double highest = seconds.stream().mapToDouble(SecondStats::p99Millis).max().orElse(100);
        double lowest = seconds.stream().filter(s -> s.answered() > 0).mapToDouble(SecondStats::p50Millis).min()
                .orElse(1);
        log.setRange(Math.max(0.5, lowest / 1.5), Math.max(10, highest * 2.5));
        chart.getXYPlot().setRangeAxis(log);
        mark(chart, experiment, transitions);
        ChartStyle.save(directory.resolve(LATENCY), chart);

        XYSeriesCollection shares = new XYSeriesCollection();
        shares.addSeries(series("errors (% of answers)", seconds, s -> s.errorRate() * 100));
        shares.addSeries(series("degraded (% of 2xx answers, a fallback answered)", seconds,
                s -> s.degradedRate() * 100));
        chart = chart("experiment " + experiment.name() + ": error rate and degraded answers", "share (%)", shares,
                new Color[] {new Color(200, 30, 30), new Color(150, 90, 200)});
        NumberAxis percent = (NumberAxis) chart.getXYPlot().getRangeAxis();
        percent.setRange(0, 109);
        percent.setTickUnit(new NumberTickUnit(10));
        mark(chart, experiment, transitions);
        ChartStyle.save(directory.resolve(ERRORS), chart);
    }

    private static XYSeries series(String name, List<SecondStats> seconds, ToDoubleFunction<SecondStats> value) {
        XYSeries series = new XYSeries(name, true, false);
        seconds.forEach(s -> series.add(s.second() + 0.5, value.applyAsDouble(s)));
        return series;
    }

    private static JFreeChart chart(String title, String unit, XYSeriesCollection data, Color[] colours) {
        JFreeChart chart = ChartStyle.lineChart(title, unit, data, colours);
        chart.getXYPlot().setAxisOffset(RectangleInsets.ZERO_INSETS);
        return chart;
    }

    /** The fault window, shaded, with its steps as the label; the breaker's openings and closings. */
    private static void mark(JFreeChart chart, Experiment experiment, List<BreakerTransition> transitions) {
        XYPlot plot = chart.getXYPlot();
        double end = plot.getDomainAxis().getUpperBound();
        IntervalMarker fault = new IntervalMarker(experiment.faultStartSecond(), experiment.faultEndSecond());
        fault.setPaint(new Color(255, 190, 0, 70));
        fault.setLabel("fault: " + experiment.faults().stream().map(FaultStep::describe)
                .collect(Collectors.joining(", ")));
        fault.setLabelFont(FONT);
        fault.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        fault.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        fault.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
        fault.setLabelBackgroundColor(LABEL_BACKGROUND);
        plot.addDomainMarker(fault, Layer.BACKGROUND);
        chart.addSubtitle(new TextTitle(String.format(java.util.Locale.ROOT, "shaded: the fault window, seconds %d to"
                + " %d; dashed: the breaker %s opening (red) and closing (green)", experiment.faultStartSecond(),
                experiment.faultEndSecond(), experiment.detectBreaker().replaceAll(".*\\.", "")), FONT));
        boolean openLabelled = false;
        boolean closedLabelled = false;
        for (BreakerTransition t : transitions) {
            double at = t.atMillis() / 1000.0;
            if (at < 0 || at > end || !(t.opened() || "CLOSED".equals(t.to()))) {
                continue;
            }
            ValueMarker line = new ValueMarker(at);
            line.setPaint(t.opened() ? new Color(210, 0, 0) : new Color(0, 150, 60));
            line.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            if (t.opened() && !openLabelled) {
                line.setLabel("breaker OPEN");
                openLabelled = true;
            } else if (!t.opened() && !closedLabelled && at >= experiment.faultEndSecond()) {
                line.setLabel("CLOSED");
                closedLabelled = true;
            }
            line.setLabelFont(FONT);
            line.setLabelPaint(line.getPaint());
            line.setLabelBackgroundColor(LABEL_BACKGROUND);
            line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(line, Layer.FOREGROUND);
        }
    }

}
