package dev.fusebox.samples.chaos.compare;

import dev.fusebox.samples.chaos.ChartStyle;
import dev.fusebox.samples.chaos.compare.AdmissionComparison.HedgeRun;
import dev.fusebox.samples.chaos.compare.RampLoad.Second;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The comparison's PNG charts (JFreeChart, headless): admitted p99 per second on a log axis,
 * admitted and offered requests per second, the shed share per second, each with the latency
 * steps marked and the overloaded stretch shaded; and hedging's p99 per second, on and off.
 * Stateless.
 */
final class ComparisonCharts {

    private static final Font FONT = ChartStyle.FONT;
    private static final Color[] COLOURS = {new Color(200, 60, 40), new Color(30, 100, 200), new Color(40, 150, 60),
            Color.DARK_GRAY};

    private ComparisonCharts() {
    }

    static void write(Path out, Map<String, List<Second>> runs, List<HedgeRun> hedging) throws IOException {
        XYSeriesCollection p99 = new XYSeriesCollection();
        XYSeriesCollection admitted = new XYSeriesCollection();
        XYSeriesCollection shed = new XYSeriesCollection();
        runs.forEach((variant, seconds) -> {
            p99.addSeries(series(variant, seconds, s -> s.admitted.getTotalCount() == 0 ? Double.NaN
                    : s.admitted.getValueAtPercentile(99) / 1000.0));
            admitted.addSeries(series(variant + " admitted", seconds, s -> s.ok));
            shed.addSeries(series(variant, seconds, s -> s.sent == 0 ? 0 : 100.0 * s.shed / s.sent));
        });
        XYSeries offered = new XYSeries("offered", true, false);
        for (int s = 0; s < AdmissionComparison.SECONDS; s++) {
            offered.add(s + 0.5, AdmissionComparison.rate(s));
        }
        admitted.addSeries(offered);
        save(out.resolve("admitted-p99.png"), scenario(chart("Admitted requests' p99 latency", "ms (log scale)", p99, true)));
        save(out.resolve("throughput.png"), scenario(chart("Requests admitted (2xx) per second", "requests / s",
                admitted, false)));
        save(out.resolve("shed.png"), scenario(chart("Requests shed (503 or 429) per second", "% of requests sent",
                shed, false)));
        XYSeriesCollection hedged = new XYSeriesCollection();
        for (HedgeRun run : hedging) {
            hedged.addSeries(series("hedging " + (run.hedged() ? "on" : "off"), run.seconds(),
                    s -> s.admitted.getTotalCount() == 0 ? Double.NaN : s.admitted.getValueAtPercentile(99) / 1000.0));
        }
        save(out.resolve("hedging.png"), chart("p99 latency with a heavy-tailed dependency (3 % of calls +300 ms)",
                "ms (log scale)", hedged, true));
    }

    private static XYSeries series(String name, List<Second> seconds, ToDoubleFunction<Second> value) {
        XYSeries series = new XYSeries(name, true, false);
        for (int i = 0; i < seconds.size(); i++) {
            series.add(i + 0.5, value.applyAsDouble(seconds.get(i)));
        }
        return series;
    }

    private static JFreeChart chart(String title, String unit, XYSeriesCollection data, boolean log) {
        Color[] colours = new Color[data.getSeriesCount()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = COLOURS[i % COLOURS.length];
        }
        JFreeChart chart = ChartStyle.lineChart(title, unit, data, colours);
        XYPlot plot = chart.getXYPlot();
        if (log) {
            LogAxis axis = new LogAxis(unit);
            axis.setBase(2);
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
            axis.setSmallestValue(8);
            axis.setLabelFont(FONT);
            axis.setTickLabelFont(FONT);
            plot.setRangeAxis(axis);
        }
        int offered = data.getSeriesIndex("offered");
        if (offered >= 0) {
            plot.getRenderer().setSeriesStroke(offered,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        }
        return chart;
    }

    /** The latency steps as labelled lines, the overloaded stretch shaded. */
    private static JFreeChart scenario(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        IntervalMarker overloaded = new IntervalMarker(50, 70, new Color(255, 200, 120, 70));
        overloaded.setLabel("overloaded");
        overloaded.setLabelFont(FONT);
        overloaded.setLabelAnchor(RectangleAnchor.TOP);
        overloaded.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        plot.addDomainMarker(overloaded);
        for (int i = 0; i < AdmissionComparison.STEPS.length; i++) {
            ValueMarker step = new ValueMarker(AdmissionComparison.STEPS[i], Color.GRAY, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {3, 3}, 0));
            step.setLabel(AdmissionComparison.LATENCIES[i] + " ms");
            step.setLabelFont(FONT);
            step.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            step.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(step);
        }
        return chart;
    }

    private static void save(Path file, JFreeChart chart) throws IOException {
        ChartStyle.save(file, chart);
    }
}
