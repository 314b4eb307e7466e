package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.tcp.QperfServer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What trying every command's --help found: versions, qperf's help topics, hidden options, wrk's footer, warnings. */
class CliGapsTest {
    @ParameterizedTest
    @ValueSource(strings = {"qperf -V", "wrk --version", "wrk -v", "server -V", "report --version", "info -V"})
    void everyCommandPrintsTheVersion(String args) {
        CliTestSupport.Run run = CliTestSupport.execute(args.split(" "));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("netbench "), args + ": " + run.out());
    }

    @Test
    void qperfHelpTopicsAreQperfs() {
        CliTestSupport.Run tests = CliTestSupport.execute("qperf", "--help", "tests");
        assertEquals(0, tests.exitCode(), tests.err());
        assertTrue(tests.out().contains("\n    tcp_bw                  TCP streaming one way bandwidth\n"), tests.out());
        CliTestSupport.Run test = CliTestSupport.execute("qperf", "--help", "udp_lat");
        assertTrue(test.out().startsWith("Purpose\n    UDP one way latency\nCommon Options\n"), test.out());
        assertTrue(CliTestSupport.execute("qperf", "-h", "examples").out().contains("netbench qperf myserver tcp_bw"));
        assertTrue(CliTestSupport.execute("qperf", "--help", "categories").out().contains("    tcp_lat\n"));
        CliTestSupport.Run bogus = CliTestSupport.execute("qperf", "--help", "bogus");
        assertEquals(2, bogus.exitCode());
        assertEquals("qperf: cannot find help category bogus; try: qperf --help categories\n", bogus.err());
        CliTestSupport.Run usage = CliTestSupport.execute("qperf", "--help", "opts");
        assertTrue(usage.out().startsWith("Usage: netbench qperf"), usage.out());
        assertTrue(usage.out().contains("-f, --flip=ONOFF") && usage.out().contains("-n, --no_msgs=COUNT"), usage.out());
    }

    @Test
    void wrkHelpEndsWithWrksFooter() {
        String help = CliTestSupport.execute("wrk", "--help").out();
        assertTrue(help.endsWith("\n  Numeric arguments may include a SI unit (1k, 1M, 1G)\n"
                + "  Time arguments may include a time unit (2s, 2m, 2h)\n"), help);
    }

    @Test
    void optionsATestDoesNotUseGetQperfsWarning() {
        try (QperfServer server = QperfServer.builder().port(0).build()) {
            CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(server.port()),
                    "-t", "1", "--jit-warmup", "0", "-f", "1", "-n", "5", "-R", "--percentiles", "-P", "2", "udp_bw",
                    "tcp_lat");
            assertEquals(0, run.exitCode(), run.err());
            List<String> warnings = run.out().lines().filter(l -> l.startsWith("warning:")).toList();
            assertEquals(List.of("warning: -f set but not used in test udp_bw",
                    "warning: -n set but not used in test udp_bw",
                    "warning: -R set but not used in test udp_bw",
                    "warning: --percentiles set but not used in test udp_bw",
                    "warning: -f set but not used in test tcp_lat",
                    "warning: -n set but not used in test tcp_lat",
                    "warning: -R set but not used in test tcp_lat",
                    "warning: -P set but not used in test tcp_lat"), warnings, run.out());
        }
    }

    @Test
    void cpuAffinityAnyIsRefusedAsQperfRefusesIt() {
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-ca", "any", "tcp_lat");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("qperf: "), run.err());
    }
}
