package io.netbench.cli;

import io.netbench.cli.report.Charts;
import io.netbench.cli.report.Column;
import io.netbench.cli.report.Report;
import io.netbench.core.Change;
import io.netbench.core.Labels;
import io.netbench.core.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netbench report host.json runc.json kata.json}: the results as comparison tables, a
 * column per target. Results with the same column name are rounds of that column: each cell shows
 * their median and range, and the change against the first column with its interval.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare --json results of several targets (host, runc, kata...) in tables: a column per"
                + " target, the first is the baseline; results that share a column are its rounds.",
            "Example: netbench report --by runtime -o report.html host-*.json runc-*.json"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Result files (one or more documents each).")
    private List<Path> files;

    @Option(names = "--by", paramLabel = "KEY[,KEY...]", split = ",", description = "Name columns by these labels (or"
            + " environment keys, e.g. hostname), joined by /: --by target,placement gives host/same-node; default:"
            + " the target label that compare sets, else the file name.")
    private List<String> by = new ArrayList<>();

    @Option(names = "--label", paramLabel = "NAME", description = "Column names in file order instead (repeatable;"
            + " a name given twice makes rounds of one column).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--format", paramLabel = "md|html|csv|json",
            description = "Output format (default from -o's extension, else md); html embeds the charts.")
    private String format;

    @Option(names = "--confidence", paramLabel = "PERCENT", description = "Level of the change intervals (default 99).")
    private double confidence = Change.DEFAULT_CONFIDENCE * 100;

    @Option(names = "--svg-dir", paramLabel = "DIR", description = "Also write the charts there as SVG files.")
    private Path svgDir;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        Report.Format form = Report.Format.of(format, output.file());
        double level = level(confidence);
        if (!names.isEmpty() && names.size() != files.size()) {
            throw new IllegalArgumentException("--label given " + names.size() + " times for " + files.size() + " files");
        }
        List<ResultFiles.Loaded> runs = ResultFiles.read(files);
        PrintWriter out = output.open(spec);
        List<Column> columns = columns(runs);
        Map<String, String> charts = Charts.of(columns);
        out.print(Report.render(columns, form, level, charts));
        out.flush();
        if (svgDir != null) {
            writeCharts(charts);
        }
        output.commit();
        return 0;
    }

    /** The report's level from {@code --confidence PERCENT}. */
    static double level(double percent) {
        if (!(percent >= 50 && percent < 100)) {
            throw new IllegalArgumentException("--confidence " + percent + ": expected a percentage in [50, 100)");
        }
        return percent / 100;
    }

    private List<Column> columns(List<ResultFiles.Loaded> runs) {
        Map<String, List<RunResult>> columns = new LinkedHashMap<>();
        for (ResultFiles.Loaded loaded : runs) {
            columns.computeIfAbsent(columnName(loaded), k -> new ArrayList<>()).add(loaded.run());
        }
        return columns.entrySet().stream().map(e -> new Column(e.getKey(), e.getValue())).toList();
    }

    private String columnName(ResultFiles.Loaded loaded) {
        RunResult run = loaded.run();
        if (!names.isEmpty()) {
            return names.get(loaded.fileIndex());
        }
        if (!by.isEmpty()) {
            List<String> values = new ArrayList<>();
            for (String key : by) {
                String value = run.labels().getOrDefault(key, run.environment().get(key));
                if (value == null) {
                    throw new IllegalArgumentException(loaded.source() + " has no label " + key);
                }
                values.add(value);
            }
            return String.join("/", values);
        }
        return run.labels().getOrDefault(Labels.TARGET, ResultFiles.label(loaded.file()));
    }

    private void writeCharts(Map<String, String> charts) {
        try {
            Files.createDirectories(svgDir);
            for (Map.Entry<String, String> chart : charts.entrySet()) {
                Files.writeString(svgDir.resolve(chart.getKey() + ".svg"), chart.getValue());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--svg-dir " + svgDir + ": cannot write (" + OneLineErrors.reason(e) + ")");
        }
    }
}
