package io.netbench.cli;

import io.netbench.cli.format.QperfFormat;
import io.netbench.cli.format.QperfOutput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How {@code netbench qperf} prints results, as qperf's options say: significant digits, units,
 * loc_/rem_ names, the {@code -v} family, and netbench's {@code --percentiles}. A picocli mixin.
 */
final class QperfTextOptions {
    @Option(names = {"-e", "--precision"}, paramLabel = "DIGITS", description = "Significant digits (default 3).")
    private int precision = QperfFormat.DEFAULT_PRECISION;

    @Option(names = {"-uu", "--unify_units"}, description = "Show base units, no commas.")
    private boolean unifyUnits;

    @Option(names = {"-un", "--unify_nodes"}, description = "Show loc_/rem_ rather than send_/recv_.")
    private boolean unifyNodes;

    @Option(names = {"-ub", "--use_bits_per_sec"}, description = "Bandwidth in bits per second.")
    private boolean bits;

    @Mixin
    private QperfVerbosityOption verbosity;

    @Option(names = "--percentiles", description = "Add p50/p90/p99/p99.9/p99.99/max rows to latency tests.")
    private boolean percentiles;

    @Option(names = "--tcp-info", description = "Add both ends' TCP_INFO (MSS, retransmissions, rtt, cwnd), TCP"
            + " counters and softirq/system CPU after each test (always in --json).")
    private boolean tcpInfo;

    /**
     * The output these options ask for.
     *
     * @throws IllegalArgumentException for a precision qperf would not print
     */
    QperfOutput output() {
        if (precision < 1 || precision > 15) {
            throw new IllegalArgumentException("-e " + precision + ": expected 1..15 significant digits");
        }
        return new QperfOutput(new QperfFormat(precision, unifyUnits, bits), verbosity.verbosity(), unifyNodes,
                percentiles, tcpInfo);
    }
}
