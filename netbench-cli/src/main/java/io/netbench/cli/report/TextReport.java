package io.netbench.cli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.IntSummaryStatistics;
import java.util.Objects;

/** Writes a report's tables as Markdown, or as an HTML page with the charts. */
final class TextReport {
    private final boolean html;
    private final StringBuilder out = new StringBuilder();

    private TextReport(boolean html) {
        this.html = html;
    }

    /** The Markdown report of {@code tables}. */
    static String markdown(List<Table> tables, double confidence) {
        return new TextReport(false).write(tables, confidence, List.of());
    }

    /** The HTML page of {@code tables}, the SVG charts embedded after them. */
    static String html(List<Table> tables, double confidence, Collection<String> charts) {
        return new TextReport(true).write(tables, confidence, charts);
    }

    private String write(List<Table> tables, double confidence, Collection<String> charts) {
        if (html) {
            out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>netbench report</title>\n<style>"
                    + "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                    + "padding:2px 8px;text-align:right}</style></head><body>\n<h1>netbench report</h1>\n");
        }
        paragraph("Each cell: the median of the rounds (min–max). Against the first column: the change with its "
                + new BigDecimal(confidence * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                + " % interval (Hodges–Lehmann estimate, Mann–Whitney interval), \"no difference\" when the interval"
                + " holds 0 %.");
        if (tables.stream().anyMatch(t -> t.rows().stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> c != null && c.why() != null))) {
            paragraph("A why column names, beside a cell that differs, the network counters that differ most from the"
                    + " baseline's (this column's median first): TCP_INFO of the data connections (MSS, retransmissions,"
                    + " rtt, cwnd), the machine's TCP counters and its softirq/system CPU; rem is the server's end.");
        }
        for (Table table : tables) {
            table(table);
        }
        if (html) {
            charts.forEach(svg -> out.append("<div>").append(svg).append("</div>\n"));
            out.append("</body></html>\n");
        }
        return out.toString();
    }

    private void table(Table table) {
        String heading = table.title() + " (";
        if (table.singleFigure()) {
            Figure f = table.rows().get(0).figure();
            heading += f.shownUnit() + ", " + (f.higherIsBetter() ? "higher" : "lower") + " is better, ";
        }
        heading += rounds(table) + ")";
        List<String> header = new ArrayList<>(List.of(table.rowHeader()));
        for (int c = 0; c < table.columns().size(); c++) {
            header.add(table.columns().get(c));
            if (explained(table, c)) {
                header.add("why (" + table.columns().get(c) + ")");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            for (int c = 0; c < row.cells().size(); c++) {
                Table.Cell cell = row.cells().get(c);
                cells.add(CellText.of(cell, row.figure()));
                if (explained(table, c)) {
                    cells.add(cell == null || cell.why() == null ? "" : cell.why());
                }
            }
            rows.add(cells);
        }
        emit(heading, header, rows);
    }

    /** Whether a cell of column {@code c} has an explanation: then a "why" column follows it. */
    private static boolean explained(Table table, int c) {
        return table.rows().stream().map(r -> r.cells().get(c)).anyMatch(cell -> cell != null && cell.why() != null);
    }

    /** "5 rounds", or "1–5 rounds" when the cells differ. */
    private static String rounds(Table table) {
        IntSummaryStatistics n = table.rows().stream().flatMap(r -> r.cells().stream()).filter(Objects::nonNull)
                .mapToInt(c -> c.spread().rounds()).summaryStatistics();
        return (n.getMin() == n.getMax() ? "" : n.getMin() + "–") + n.getMax() + (n.getMax() == 1 ? " round" : " rounds");
    }

    private void paragraph(String text) {
        out.append(html ? "<p>" + escape(text) + "</p>\n" : text + "\n\n");
    }

    private void emit(String heading, List<String> header, List<List<String>> rows) {
        if (html) {
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
