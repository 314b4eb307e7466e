package io.netbench.cli.report;

import io.netbench.core.Change;
import io.netbench.core.Spread;
import java.util.List;

/**
 * A comparison table: one row per figure and msg_size, one cell per column that has data for
 * the table (a column without any is left out, never shown empty).
 *
 * @param title e.g. "tcp_lat" or "HTTP -t2 -c100"
 * @param rowHeader the header of the row labels ("msg_size" or "")
 * @param columns the columns' names
 * @param rows the rows
 */
record Table(String title, String rowHeader, List<String> columns, List<Row> rows) {
    /** Whether every row has the same figure (a qperf table, unit in its title). */
    boolean singleFigure() {
        return rows.stream().map(Row::figure).distinct().count() == 1;
    }

    /**
     * @param label e.g. "64 B" or "Latency p99 (ms)"
     * @param figure the figure
     * @param msgSize the msg_size in bytes, or null
     * @param cells a cell per column, null where the column has no value
     */
    record Row(String label, Figure figure, Long msgSize, List<Cell> cells) {
    }

    /**
     * @param spread the rounds' median and range
     * @param change against the baseline column, null in the baseline column
     * @param why the network counters that differ most from the baseline's, null where the cell
     *            does not differ or there are none ({@link Explanation})
     */
    record Cell(Spread spread, Change change, String why) {
    }
}
