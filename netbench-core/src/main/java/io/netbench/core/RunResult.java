package io.netbench.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one netbench invocation measured: the tests in the order run (every loop step of a
 * qperf sweep, or one wrk run), with the netbench version, the start time and the command line.
 * This is the document {@code --json} prints and {@code netbench report}/{@code merge} read.
 *
 * @param version the netbench version that measured it
 * @param start when the run started
 * @param command the command line (arguments), empty for library runs
 * @param tests the results, in the order run
 */
public record RunResult(String version, Instant start, List<String> command, List<TestResult> tests) {
    public RunResult {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(start, "start");
        command = List.copyOf(command);
        tests = List.copyOf(tests);
    }
}
