package io.netbench.cli.report;

import io.netbench.core.Change;
import io.netbench.core.Spread;
import java.util.Locale;

/** How Markdown and HTML tables write a cell: "10.3 (9.80–11.0), +22 % [+5, +40]". */
final class CellText {
    private CellText() {
    }

    static String of(Table.Cell cell, Figure figure) {
        if (cell == null) {
            return "";
        }
        Spread s = cell.spread();
        double scale = figure.scale();
        boolean count = figure.unit().equals(Figure.COUNT);
        String text = number(s.median() * scale, count);
        if (s.min() != s.max()) {
            text += " (" + number(s.min() * scale, count) + "–" + number(s.max() * scale, count) + ")";
        }
        Change c = cell.change();
        if (c == null) {
            return text;
        }
        return switch (c.verdict()) {
            case DIFFERENCE -> text + ", " + percent(c.percent()) + " [" + percent(c.lowPercent()) + ", "
                    + percent(c.highPercent()) + "]";
            case NO_DIFFERENCE -> text + ", no difference";
            case ONE_ROUND -> text + ", " + percent(c.percent()) + " (one round)";
            case TOO_FEW_ROUNDS -> text + ", " + percent(c.percent()) + " (too few rounds)";
            case NOT_COMPARABLE -> text;
        };
    }

    /** 3 significant digits, or a whole number with thousands separators from 100 and for counts. */
    static String number(double value, boolean count) {
        boolean whole = Math.abs(value) >= 100 || count || value == 0;
        return String.format(Locale.ROOT, whole ? "%,.0f" : "%.3g", value);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%+.0f %%", value);
    }
}
