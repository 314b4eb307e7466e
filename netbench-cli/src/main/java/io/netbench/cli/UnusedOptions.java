package io.netbench.cli;

import io.netbench.tcp.QperfTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * qperf's {@code warning: -f set but not used in test tcp_lat}: options a user may carry over from
 * other qperf tests that a socket test does not use. qperf then runs the test anyway; so does
 * netbench. The warning names the option as it was typed last, in qperf's parameter order, then
 * netbench's own options a test has no use for ({@code -R} but in tcp_bw, {@code -P} and {@code -i}
 * in latency tests, {@code --percentiles} in bandwidth tests). As a picocli mixin it also accepts
 * the options that no socket test uses at all.
 */
final class UnusedOptions {
    @Option(names = {"-n", "--no_msgs"}, paramLabel = "COUNT", description = "Accepted as qperf accepts it; no socket"
            + " test uses it (a warning says so).")
    private Long noMsgs;

    @Option(names = {"-f", "--flip"}, paramLabel = "ONOFF", description = "Accepted as qperf accepts it; no socket"
            + " test uses it (a warning says so).")
    private Integer flip;

    @Option(names = "-f1", description = "As -f 1.")
    private boolean flip1;

    /** The warning lines for {@code test}, none for conf and quit. */
    static List<String> warnings(ParseResult parsed, QperfTest test) {
        List<String> unused = new ArrayList<>();
        if (test.isSocketTest()) {
            if (test.isLatency()) {
                lastTyped(parsed, "-ar", "--access_recv", "-ar1").ifPresent(unused::add);
            }
            lastTyped(parsed, "-f", "--flip", "-f1").ifPresent(unused::add);
            lastTyped(parsed, "-n", "--no_msgs").ifPresent(unused::add);
            // netbench's own options, where a test has no use for them
            if (test != QperfTest.TCP_BW) {
                lastTyped(parsed, "-R", "--reverse").ifPresent(unused::add);
            }
            if (test.isLatency()) {
                lastTyped(parsed, "-P", "--parallel").ifPresent(unused::add);
                lastTyped(parsed, "-i", "--interval").ifPresent(unused::add);
            } else {
                lastTyped(parsed, "--percentiles").ifPresent(unused::add);
            }
        }
        return unused.stream().map(name -> "warning: " + name + " set but not used in test " + test.qperfName())
                .toList();
    }

    private static Optional<String> lastTyped(ParseResult parsed, String... names) {
        List<String> args = parsed.originalArgs();
        for (int i = args.size() - 1; i >= 0; i--) {
            if (List.of(names).contains(args.get(i))) {
                return Optional.of(args.get(i));
            }
        }
        return Optional.empty();
    }
}
