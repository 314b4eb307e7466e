package io.netbench.cli.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report of columns of results, in one of its {@link Format}s: the seed's tables (qperf sweep
 * and wrk run) with medians, spreads and verdicts, and for HTML the charts.
 */
public final class Report {
    /** The forms a report takes. */
    public enum Format {
        /** Markdown tables. */
        MD,
        /** An HTML page with the tables and SVG charts. */
        HTML,
        /** One CSV row per table, row and column ({@link DataReport}). */
        CSV,
        /** The CSV's records as a JSON document. */
        JSON;

        /**
         * The format named (md, html, csv, json), or else the one {@code output}'s extension implies,
         * or else Markdown.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static Format of(String name, Path output) {
            if (name == null) {
                String file = output == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
                int dot = file.lastIndexOf('.');
                String extension = dot < 0 ? "" : file.substring(dot + 1);
                return switch (extension) {
                    case "html", "htm" -> HTML;
                    case "csv" -> CSV;
                    case "json" -> JSON;
                    default -> MD;
                };
            }
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format " + name + ": expected md, html, csv or json");
            }
        }
    }

    private Report() {
    }

    /**
     * The report of {@code columns}, the first being the baseline.
     *
     * @param confidence the level of the change intervals, in (0, 1)
     * @param charts the charts to embed in HTML ({@link Charts#of})
     */
    public static String render(List<Column> columns, Format format, double confidence, Map<String, String> charts) {
        List<Table> tables = new Comparison(columns, confidence).tables();
        return switch (format) {
            case MD -> TextReport.markdown(tables, confidence);
            case HTML -> TextReport.html(tables, confidence, charts.values());
            case CSV -> DataReport.csv(tables);
            case JSON -> DataReport.json(tables, columns.stream().map(Column::name).toList());
        };
    }
}
