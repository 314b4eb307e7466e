package io.netbench.cli.report;

import com.fasterxml.jackson.jr.ob.JSON;
import io.netbench.core.Change;
import io.netbench.core.Spread;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report's cells for machines, as CSV or JSON: one record per table × row × column,
 * values in the figure's stored unit (ns, bytes/s, 1/s, count). The fields, in CSV column order:
 * {@code table, figure, unit, msg_size_bytes, target, rounds, median, min, max, change_pct,
 * change_low_pct, change_high_pct, confidence_pct, verdict}; a field that does not apply is
 * empty (JSON: absent). {@code verdict} is {@code baseline}, {@code no difference},
 * {@code difference}, {@code one round}, {@code too few rounds} or {@code not comparable}.
 */
final class DataReport {
    /** The JSON document's format tag. */
    static final String JSON_FORMAT = "netbench-comparison/1";
    static final List<String> FIELDS = List.of("table", "figure", "unit", "msg_size_bytes", "target", "rounds",
            "median", "min", "max", "change_pct", "change_low_pct", "change_high_pct", "confidence_pct", "verdict");

    private DataReport() {
    }

    static String csv(List<Table> tables) {
        StringBuilder out = new StringBuilder(String.join(",", FIELDS)).append('\n');
        for (Map<String, Object> record : records(tables)) {
            List<String> fields = new ArrayList<>();
            for (String f : FIELDS) {
                Object v = record.get(f);
                fields.add(v == null ? "" : quote(v instanceof Double d ? number(d) : v.toString()));
            }
            out.append(String.join(",", fields)).append('\n');
        }
        return out.toString();
    }

    static String json(List<Table> tables, List<String> columns) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", JSON_FORMAT);
        doc.put("baseline", columns.get(0));
        doc.put("columns", columns);
        doc.put("cells", records(tables));
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(doc) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static List<Map<String, Object>> records(List<Table> tables) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Table table : tables) {
            for (Table.Row row : table.rows()) {
                for (int c = 0; c < row.cells().size(); c++) {
                    Table.Cell cell = row.cells().get(c);
                    if (cell != null) {
                        records.add(record(table, row, table.columns().get(c), cell));
                    }
                }
            }
        }
        return records;
    }

    private static Map<String, Object> record(Table table, Table.Row row, String column, Table.Cell cell) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("table", table.title());
        r.put("figure", row.figure().key());
        r.put("unit", row.figure().unit());
        r.put("msg_size_bytes", row.msgSize());
        r.put("target", column);
        Spread s = cell.spread();
        r.put("rounds", s.rounds());
        r.put("median", s.median());
        r.put("min", s.min());
        r.put("max", s.max());
        Change c = cell.change();
        if (c != null) {
            r.put("change_pct", finite(c.percent()));
            r.put("change_low_pct", finite(c.lowPercent()));
            r.put("change_high_pct", finite(c.highPercent()));
            r.put("confidence_pct", finite(c.confidence() * 100));
        }
        r.put("verdict", c == null ? "baseline" : c.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        r.put("why", cell.why());
        r.values().removeIf(v -> v == null);
        return r;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Six significant digits, never in exponent notation. */
    private static String number(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
