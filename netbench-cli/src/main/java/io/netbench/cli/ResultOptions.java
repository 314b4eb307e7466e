package io.netbench.cli;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.TestResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where the commands that measure put their results: the tool's text, or with {@code --json} one
 * netbench-result document labelled by {@code --label}; on stdout, or with {@code -o} in a file
 * once the command has succeeded. A picocli mixin of {@code qperf} and {@code wrk}.
 */
final class ResultOptions {
    @Option(names = "--json", description = "Print one JSON document with every result instead of text.")
    private boolean json;

    @Mixin
    private LabelOption labels;

    @Mixin
    private OutputOption output;

    private Map<String, String> runLabels;

    /** Whether the results are one JSON document rather than the tool's text. */
    boolean json() {
        return json;
    }

    /**
     * Where the results go: stdout, or a buffer for {@link #commit()}.
     *
     * @throws IllegalArgumentException naming a malformed label or an output file that cannot be written
     */
    PrintWriter open(CommandSpec spec) {
        runLabels = labels.labels();
        return output.open(spec);
    }

    /** Where lines beside the results go (warnings, a script's output): with them, or to stderr beside JSON. */
    PrintWriter notices(CommandSpec spec, PrintWriter results) {
        return json ? spec.commandLine().getErr() : results;
    }

    /** Writes the run's JSON document, labelled, to {@code out}. */
    void writeJson(PrintWriter out, CommandSpec spec, Instant started, List<TestResult> results) {
        out.println(ResultJson.write(RunResult.of(started, spec.commandLine().getParseResult().originalArgs(),
                runLabels, results)));
        out.flush();
    }

    /** Writes what was collected to the output file, if there is one. */
    void commit() {
        output.commit();
    }
}
