package io.netbench.cli.report;

import io.netbench.core.HistogramCodec;
import io.netbench.core.RunResult;
import io.netbench.core.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The pictures of a report: for every latency test (and message size), latency by percentile with
 * one line per target on HdrHistogram's log axis of 1/(1-percentile); for every swept test, its
 * main figure by message size.
 */
public final class Charts {
    private static final double[] NINES = {0, 90, 99, 99.9, 99.99, 99.999};

    private Charts() {
    }

    /** Chart name (usable as a file name) to SVG text. */
    public static Map<String, String> of(List<String> names, List<RunResult> runs) {
        Map<String, String> charts = new LinkedHashMap<>();
        Map<String, LineChart> percentileCharts = new LinkedHashMap<>();
        Map<String, Map<String, TreeMap<Long, Double>>> bySize = new LinkedHashMap<>();
        for (int t = 0; t < runs.size(); t++) {
            for (TestResult r : runs.get(t).tests()) {
                String size = r.params().get("msg_size");
                String key = r.test() + (size == null ? "" : "-" + size);
                String latency = r.histograms().get("latency");
                if (latency != null) {
                    Histogram h = HistogramCodec.decode(latency);
                    if (h.getTotalCount() > 0) {
                        percentileCharts.computeIfAbsent(key, k -> percentileChart(r.test(), size))
                                .add(percentileSeries(names.get(t), h));
                    }
                }
                String metric = r.test().endsWith("_lat") ? "latency_ns" : "recv_bw";
                Double value = r.metrics().get(metric);
                if (size != null && value != null) {
                    bySize.computeIfAbsent(r.test(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(names.get(t), k -> new TreeMap<>())
                            .put(Long.parseLong(size), metric.equals("latency_ns") ? value / 1000 : value / 1e6);
                }
            }
        }
        percentileCharts.forEach((key, chart) -> charts.put("latency-percentiles-" + key, chart.toSvg()));
        bySize.forEach((test, series) -> {
            if (series.values().stream().anyMatch(m -> m.size() > 1)) {
                charts.put(test + "-by-msg-size", sizeChart(test, series).toSvg());
            }
        });
        return charts;
    }

    private static LineChart percentileChart(String test, String size) {
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

    private static LineChart sizeChart(String test, Map<String, TreeMap<Long, Double>> series) {
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
                points.values().stream().mapToDouble(Double::doubleValue).toArray())));
        return chart;
    }
}
