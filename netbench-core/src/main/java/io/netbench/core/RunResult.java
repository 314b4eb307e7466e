package io.netbench.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything one netbench invocation measured: the tests in the order run (every loop step of a
 * qperf sweep, every round of a comparison, or one wrk run), with what identifies and describes
 * the run. This is the document {@code --json} prints and {@code netbench report}, {@code merge}
 * and {@code compare} read.
 *
 * <p>A run carries two kinds of description. {@link #labels()} are what the user said about it
 * ({@code --label runtime=kata}, and {@code target=NAME} set by {@code compare}); reports group
 * and name their columns by them. {@link #environment()} is what netbench found out by itself
 * about the machine that measured ({@link Environment}). {@link #runId()} is unique per run, so
 * that a merge can refuse the same result given twice.
 *
 * @param version the netbench version that measured it
 * @param runId a unique id of this run
 * @param start when the run started
 * @param command the command line (arguments), empty for library runs
 * @param labels the user's labels, key to value
 * @param environment the measuring machine, as {@link Environment#current()} describes it
 * @param tests the results, in the order run
 */
public record RunResult(String version, String runId, Instant start, List<String> command, Map<String, String> labels,
                        Map<String, String> environment, List<TestResult> tests) {
    /**
     * Checks the fields and freezes the collections; {@link #of} makes one for a run measured now.
     *
     * @param version the netbench version that measured it, required
     * @param runId a unique id of this run, required
     * @param start when the run started, required
     * @param command the command line, copied
     * @param labels the user's labels, copied
     * @param environment the measuring machine, copied
     * @param tests the results, copied
     * @throws NullPointerException naming the required field that is missing
     */
    public RunResult {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(start, "start");
        command = List.copyOf(command);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        tests = List.copyOf(tests);
    }

    /**
     * A new run measured on this machine now: a fresh run id and this machine's environment.
     *
     * @param start when the run started
     * @param command the command line (arguments), empty for library runs
     * @param labels the user's labels ({@link Labels#parse})
     * @param tests the results, in the order run
     * @return the run
     */
    public static RunResult of(Instant start, List<String> command, Map<String, String> labels,
                               List<TestResult> tests) {
        return new RunResult(Environment.netbenchVersion(), UUID.randomUUID().toString(), start, command, labels,
                Environment.current(), tests);
    }

    /**
     * Replaces the tests (e.g. to gather the rounds of a comparison into one document).
     *
     * @param newTests the tests
     * @return this run, same id and descriptions, with {@code newTests}
     */
    public RunResult withTests(List<TestResult> newTests) {
        return new RunResult(version, runId, start, command, labels, environment, newTests);
    }
}
