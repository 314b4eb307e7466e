package io.netbench.cli.report;

import io.netbench.core.RunResult;
import java.util.List;

/**
 * One column of a report: the runs of one target (or of one label value), each cell's rounds
 * being the results of the same test and parameters among them.
 *
 * @param name the column's name (a label value or a file name)
 * @param runs the runs in it
 */
public record Column(String name, List<RunResult> runs) {
    /** Freezes the runs. */
    public Column {
        runs = List.copyOf(runs);
    }
}
