package dev.fusebox.samples.chaos;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How the experiments' and the comparison's PNG charts look (JFreeChart, headless): white, light
 * grid, 13-point labels, a time axis in seconds ticked every 5, one 2-point line per series in the
 * colours given, 1000 × 420 pixels. Stateless.
 */
public final class ChartStyle {

    /** The labels' font. */
    public static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final String TIME = "time since the recorded load began (s)";

    private ChartStyle() {
    }

    /** A line chart of {@code data} over seconds, series {@code i} drawn in {@code colours[i]}. */
    public static JFreeChart lineChart(String title, String unit, XYSeriesCollection data, Color... colours) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, TIME, unit, data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getLegend().setItemFont(FONT);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        NumberAxis time = (NumberAxis) plot.getDomainAxis();
        time.setTickUnit(new NumberTickUnit(5));
        time.setLowerBound(0);
        time.setLabelFont(FONT);
        time.setTickLabelFont(FONT);
        plot.getRangeAxis().setLabelFont(FONT);
        plot.getRangeAxis().setTickLabelFont(FONT);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /** Writes {@code chart} to {@code file} as a PNG. */
    public static void save(Path file, JFreeChart chart) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 420);
    }
}
