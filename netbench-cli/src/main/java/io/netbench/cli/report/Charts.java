package io.netbench.cli.report;

import io.netbench.core.HistogramCodec;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.RunResult;
import io.netbench.core.Spread;
import io.netbench.core.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The pictures of a report: for every latency test (and message size), latency by percentile with
 * one line per column on HdrHistogram's log axis of 1/(1-percentile); for every swept test, its
 * main figure by message size (the median of the rounds).
 */
public final class Charts {
    private static final double[] NINES = {0, 90, 99, 99.9, 99.99, 99.999};

    private Charts() {
    }

    /**
     * Chart name (usable as a file name) to SVG text. A column's rounds are drawn as one line: the
     * percentiles of all their samples (histograms added), the median of each msg_size.
     */
    public static Map<String, String> of(List<Column> columns) {
        Map<String, String> charts = new LinkedHashMap<>();
        Map<String, Map<String, Histogram>> latencies = new LinkedHashMap<>();
        Map<String, Map<String, TreeMap<Long, List<Double>>>> bySize = new LinkedHashMap<>();
        for (Column column : columns) {
            for (RunResult run : column.runs()) {
                for (TestResult r : run.tests()) {
                    String size = r.params().get("msg_size");
                    String latency = r.histograms().get("latency");
                    if (latency != null) {
                        latencies.computeIfAbsent(r.test() + (size == null ? "" : "-" + size), k -> new LinkedHashMap<>())
                                .computeIfAbsent(column.name(), k -> LatencyRecorder.newHistogram())
                                .add(HistogramCodec.decode(latency));
                    }
                    Figure figure = Figure.QPERF.get(r.test());
                    if (size != null && figure != null) {
                        figure.value().apply(r).ifPresent(v -> bySize.computeIfAbsent(r.test(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(column.name(), k -> new TreeMap<>())
                                .computeIfAbsent(Long.parseLong(size), k -> new ArrayList<>()).add(v * figure.scale()));
                    }
                }
            }
        }
        latencies.forEach((key, series) -> {
            LineChart chart = null;
            for (Map.Entry<String, Histogram> s : series.entrySet()) {
                if (s.getValue().getTotalCount() > 0) {
                    chart = chart != null ? chart : percentileChart(key);
                    chart.add(percentileSeries(s.getKey(), s.getValue()));
                }
            }
            if (chart != null) {
                charts.put("latency-percentiles-" + key, chart.toSvg());
            }
        });
        bySize.forEach((test, series) -> {
            if (series.values().stream().anyMatch(m -> m.size() > 1)) {
                charts.put(test + "-by-msg-size", sizeChart(test, series).toSvg());
            }
        });
        return charts;
    }

    private static LineChart percentileChart(String key) {
        int dash = key.indexOf('-');
        String test = dash < 0 ? key : key.substring(0, dash);
        String size = dash < 0 ? null : key.substring(dash + 1);
        List<LineChart.Tick> ticks = new ArrayList<>();
        for (double p : NINES) {
            ticks.add(new LineChart.Tick(1 / (1 - p / 100), p == 0 ? "0%" : new java.text.DecimalFormat("0.###")
                    .format(p) + "%"));
        }
        return new LineChart(test + (size == null ? "" : ", msg_size " + size) + ": latency by percentile",
                "percentile", "latency (us)", ticks);
    }

    private static LineChart.Series percentileSeries(String name, Histogram h) {
        int points = 120;
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            double inverse = Math.pow(10, 5.0 * i / (points - 1));
            double percentile = 100 * (1 - 1 / inverse);
            x[i] = inverse;
            y[i] = h.getValueAtPercentile(percentile) / 1000.0;
        }
        return new LineChart.Series(name, x, y);
    }

    private static LineChart sizeChart(String test, Map<String, TreeMap<Long, List<Double>>> series) {
        long max = series.values().stream().mapToLong(m -> m.lastKey()).max().orElse(2);
        long min = series.values().stream().mapToLong(m -> m.firstKey()).min().orElse(1);
        List<LineChart.Tick> ticks = new ArrayList<>();
        for (long s = Math.max(1, min); s <= max; s *= 4) {
            ticks.add(new LineChart.Tick(s, s >= 1024 ? s / 1024 + "K" : Long.toString(s)));
        }
        if (ticks.size() < 2) {
            ticks.add(new LineChart.Tick(Math.max(2, max), Long.toString(Math.max(2, max))));
        }
        boolean latency = test.endsWith("_lat");
        LineChart chart = new LineChart(test + " by msg_size", "msg_size (bytes)", latency ? "latency (us)" : "MB/s",
                ticks);
        series.forEach((name, points) -> chart.add(new LineChart.Series(name,
                points.keySet().stream().mapToDouble(Long::doubleValue).toArray(),
                points.values().stream().mapToDouble(v -> Spread.of(v.stream().mapToDouble(Double::doubleValue)
                        .toArray()).median()).toArray())));
        return chart;
    }
}
