package io.netbench.cli;

import io.netbench.core.RunResult;
import io.netbench.cli.report.Charts;
import io.netbench.core.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netbench report host.json runc.json kata.json}: one comparison table per figure, rows by
 * test and msg_size, a column per target, and the change against the first target.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare --json results of several targets (host, runc, kata...) in tables.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Result files, the first is the baseline.")
    private List<Path> files;

    @Option(names = "--label", paramLabel = "NAME", description = "Target names in file order (default: file names).")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--format", paramLabel = "md|html", description = "Output format (default md); html embeds the charts.")
    private String format = "md";

    @Option(names = "--svg-dir", paramLabel = "DIR", description = "Also write the charts there as SVG files.")
    private Path svgDir;

    /** One figure to compare: where it comes from and how to show it. */
    private record Figure(String title, String test, String metric, double scale, String unit, boolean higherIsBetter) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("tcp_lat", "tcp_lat", "latency_ns", 1e-3, "us", false),
            new Figure("tcp_bw", "tcp_bw", "recv_bw", 1e-6, "MB/s", true),
            new Figure("udp_lat", "udp_lat", "latency_ns", 1e-3, "us", false),
            new Figure("udp_bw", "udp_bw", "recv_bw", 1e-6, "MB/s", true),
            new Figure("HTTP requests/sec", "http", "requests_per_sec", 1, "req/s", true),
            new Figure("HTTP transfer/sec", "http", "bytes_per_sec", 1e-6, "MB/s", true),
            new Figure("HTTP latency avg", "http", "latency_mean_ns", 1e-6, "ms", false),
            new Figure("HTTP latency p99", "http", "latency_p99_ns", 1e-6, "ms", false));

    @Override
    public Integer call() {
        if (!format.equals("md") && !format.equals("html")) {
            throw new IllegalArgumentException("--format " + format + ": expected md or html");
        }
        if (!labels.isEmpty() && labels.size() != files.size()) {
            throw new IllegalArgumentException("--label given " + labels.size() + " times for " + files.size() + " files");
        }
        List<String> names = labels.isEmpty() ? files.stream().map(ResultFiles::label).toList() : labels;
        List<RunResult> runs = files.stream().map(ResultFiles::read).toList();
        StringBuilder out = new StringBuilder();
        if (format.equals("html")) {
            out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>netbench report</title>\n<style>"
                    + "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                    + "padding:2px 8px;text-align:right}</style></head><body>\n<h1>netbench report</h1>\n");
        }
        for (Figure figure : FIGURES) {
            table(out, figure, names, runs);
        }
        table(out, names, runs);
        Map<String, String> charts = Charts.of(names, runs);
        if (format.equals("html")) {
            charts.values().forEach(svg -> out.append("<div>").append(svg).append("</div>\n"));
            out.append("</body></html>\n");
        }
        if (svgDir != null) {
            writeCharts(charts);
        }
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The figure's rows: per msg_size (qperf) or one row (HTTP), a cell per target. */
    private void table(StringBuilder out, Figure figure, List<String> names, List<RunResult> runs) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int t = 0; t < runs.size(); t++) {
            for (TestResult r : runs.get(t).tests()) {
                Double value = r.metrics().get(figure.metric);
                if (r.test().equals(figure.test) && value != null) {
                    String row = r.params().containsKey("msg_size") ? sizeLabel(r.params().get("msg_size")) : "all";
                    rows.computeIfAbsent(row, k -> new double[runs.size()])[t] = value * figure.scale;
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String heading = figure.title + " (" + figure.unit + ", " + (figure.higherIsBetter ? "higher" : "lower")
                + " is better)";
        List<String> header = new ArrayList<>(List.of(figure.test.equals("http") ? "" : "msg_size"));
        header.addAll(names);
        List<List<String>> body = new ArrayList<>();
        rows.forEach((row, values) -> {
            List<String> cells = new ArrayList<>(List.of(row));
            for (int t = 0; t < values.length; t++) {
                cells.add(cell(values[t], t == 0 ? 0 : values[0]));
            }
            body.add(cells);
        });
        emit(out, heading, header, body);
    }

    /** Socket errors of HTTP runs, one row. */
    private void table(StringBuilder out, List<String> names, List<RunResult> runs) {
        List<String> cells = new ArrayList<>(List.of("socket errors"));
        boolean any = false;
        for (RunResult run : runs) {
            long errors = 0;
            boolean http = false;
            for (TestResult r : run.tests()) {
                if (r.test().equals("http")) {
                    http = true;
                    for (String kind : new String[] {"connect", "read", "write", "timeout"}) {
                        errors += r.counts().getOrDefault("errors_" + kind, 0L);
                    }
                }
            }
            any |= http;
            cells.add(http ? Long.toString(errors) : "");
        }
        if (any) {
            List<String> header = new ArrayList<>(List.of(""));
            header.addAll(names);
            emit(out, "HTTP socket errors (connect + read + write + timeout)", header, List.of(cells));
        }
    }

    private void writeCharts(Map<String, String> charts) {
        try {
            Files.createDirectories(svgDir);
            for (Map.Entry<String, String> chart : charts.entrySet()) {
                Files.writeString(svgDir.resolve(chart.getKey() + ".svg"), chart.getValue());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--svg-dir " + svgDir + ": cannot write (" + e.getMessage() + ")");
        }
    }

    private static String cell(double value, double baseline) {
        String shown = String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.3g", value);
        if (baseline <= 0 || value == 0) {
            return value == 0 ? "" : shown;
        }
        return shown + String.format(Locale.ROOT, " (%+.0f%%)", (value / baseline - 1) * 100);
    }

    private static String sizeLabel(String bytes) {
        long n = Long.parseLong(bytes);
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return n / (1 << 20) + " MiB";
        }
        return n >= 1024 && n % 1024 == 0 ? n / 1024 + " KiB" : n + " B";
    }

    private void emit(StringBuilder out, String heading, List<String> header, List<List<String>> rows) {
        if (format.equals("html")) {
            out.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n<tr>");
            header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
            out.append("</tr>\n");
            for (List<String> row : rows) {
                out.append("<tr>");
                row.forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
                out.append("</tr>\n");
            }
            out.append("</table>\n");
            return;
        }
        out.append("### ").append(heading).append("\n\n| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> out.append("---:|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append('\n');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
