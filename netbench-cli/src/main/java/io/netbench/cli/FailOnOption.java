package io.netbench.cli;

import io.netbench.core.TestResult;
import io.netbench.core.Thresholds;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --fail-on}, k6's thresholds as a picocli mixin of {@code qperf} and {@code wrk}: the
 * grammar is core's {@link Thresholds}; every result is checked (the checks go into the JSON),
 * each breach is one line on stderr, and a breach makes the exit code
 * {@link NetbenchCommand#EXIT_THRESHOLD}.
 */
final class FailOnOption {
    @Option(names = "--fail-on", paramLabel = "THRESHOLDS", description = "Exit 3 when a threshold is breached,"
            + " e.g. 'p99>5ms,errors>0,rps<1000' or 'lat>50us,bw<1GB/s' (time ns/us/ms/s, bandwidth B/s KB/s MB/s"
            + " GB/s Gb/s, counts and rates plain or k/M).")
    private String text;

    private Thresholds thresholds;

    /**
     * The thresholds, parsed once.
     *
     * @throws IllegalArgumentException naming the threshold that does not parse (exit 2)
     */
    Thresholds thresholds() {
        if (thresholds == null) {
            try {
                thresholds = Thresholds.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--fail-on: " + e.getMessage(), e);
            }
        }
        return thresholds;
    }

    /**
     * Says on {@code err} what the checked results breached, one line each, and which thresholds
     * applied to no result.
     *
     * @param where how a breach names its test ("" for a single run, "tcp_lat msg_size=64: " for qperf)
     * @return {@link NetbenchCommand#EXIT_THRESHOLD} if any threshold was breached, else 0
     */
    int report(PrintWriter err, String command, List<TestResult> checked, Function<TestResult, String> where) {
        Thresholds gate = thresholds();
        gate.unused(checked).forEach(t -> err.println(command + ": warning: --fail-on " + t
                + " applies to no test that ran (none has that figure)"));
        int exit = 0;
        for (TestResult r : checked) {
            for (String breach : gate.breaches(r)) {
                err.println(command + ": threshold breached: " + where.apply(r) + breach);
                exit = NetbenchCommand.EXIT_THRESHOLD;
            }
        }
        err.flush();
        return exit;
    }
}
