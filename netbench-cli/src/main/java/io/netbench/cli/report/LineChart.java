package io.netbench.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG line chart, written as plain text: log-scaled x axis with labelled ticks,
 * linear y axis from zero, one polyline ({@code class="series"}) and legend entry per series.
 * Enough for netbench's two pictures: latency by percentile (x = 1/(1-p), HdrHistogram style) and
 * a figure by message size.
 */
public final class LineChart {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    /** One line: a name and its points (x > 0). */
    public record Series(String name, double[] x, double[] y) {
    }

    /** A labelled tick on the x axis. */
    public record Tick(double x, String label) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Tick> ticks;
    private final List<Series> series = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel, List<Tick> ticks) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.ticks = List.copyOf(ticks);
    }

    public LineChart add(Series s) {
        series.add(s);
        return this;
    }

    public String toSvg() {
        double minX = ticks.stream().mapToDouble(Tick::x).min().orElse(1);
        double maxX = ticks.stream().mapToDouble(Tick::x).max().orElse(10);
        double maxY = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y())).max().orElse(1);
        maxY = niceCeiling(maxY <= 0 ? 1 : maxY);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0 - RIGHT / 2.0, 22, "middle", 15, title);
        for (int i = 0; i <= 5; i++) {
            double y = TOP + plotH - plotH * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotW, y));
            text(svg, LEFT - 6, y + 4, "end", 12, number(maxY * i / 5));
        }
        for (Tick tick : ticks) {
            double x = xPos(tick.x(), minX, maxX, plotW);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x, TOP, x, TOP + plotH));
            text(svg, x, TOP + plotH + 16, "middle", 12, tick.label());
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        text(svg, LEFT + plotW / 2.0, HEIGHT - 10, "middle", 13, xLabel);
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\""
                + " transform=\"rotate(-90 16 %.1f)\">%s</text>%n", TOP + plotH / 2.0, TOP + plotH / 2.0, escape(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = COLORS[i % COLORS.length];
            svg.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(color)
                    .append("\" points=\"");
            for (int p = 0; p < s.x().length; p++) {
                double x = xPos(Math.max(minX, Math.min(maxX, s.x()[p])), minX, maxX, plotW);
                double y = TOP + plotH - plotH * Math.min(1, s.y()[p] / maxY);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("\"><title>").append(escape(s.name())).append("</title></polyline>\n");
            double ly = TOP + 10 + 20 * i;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-width=\"3\"/>%n", WIDTH - RIGHT + 12, ly, WIDTH - RIGHT + 32, ly, color));
            text(svg, WIDTH - RIGHT + 38, ly + 4, "start", 12, s.name());
        }
        return svg.append("</svg>\n").toString();
    }

    private static double xPos(double x, double minX, double maxX, int plotW) {
        return LEFT + plotW * (Math.log(x) - Math.log(minX)) / (Math.log(maxX) - Math.log(minX));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= v) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String number(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(text)));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
