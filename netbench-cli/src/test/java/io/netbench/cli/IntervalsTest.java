package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.Metric;
import io.netbench.core.NetCounters;
import io.netbench.core.ResultJson;
import io.netbench.core.TestResult;
import io.netbench.http.HttpBenchServer;
import io.netbench.tcp.QperfServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code -i}: iperf3-style interval lines for qperf's bandwidth tests (per stream and summed) and wrk, and in JSON. */
class IntervalsTest {
    private static final Pattern QPERF_LINE = Pattern.compile("    \\[( +\\d|SUM)] +\\d+\\.0-\\d+\\.0 sec +[\\d.,]+ [KMG]?B/sec(  retr \\d+)?");
    private static final Pattern WRK_LINE = Pattern.compile(
            "  \\[ +\\d+\\.\\d-\\d+\\.\\d sec] +[\\d.]+k? req/s  errors 0  p50 +[\\d.]+(us|ms)  p99 +[\\d.]+(us|ms)");

    /** {@code netbench qperf} against {@code server} without a JIT warm-up; it must succeed. */
    private static CliTestSupport.Run qperf(QperfServer server, String... args) {
        List<String> all = new ArrayList<>(List.of("qperf", "127.0.0.1", "-lp", String.valueOf(server.port()),
                "--jit-warmup", "0"));
        all.addAll(List.of(args));
        CliTestSupport.Run run = CliTestSupport.execute(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /** The interval lines of a qperf run. */
    private static List<String> intervalLines(CliTestSupport.Run run) {
        return run.out().lines().filter(l -> l.startsWith("    [")).toList();
    }

    @Test
    void qperfReportsEachSecondPerStreamAndSummed() {
        try (QperfServer server = QperfServer.builder().port(0).build()) {
            CliTestSupport.Run run = qperf(server, "-t", "3", "-i", "1", "-P", "2", "tcp_bw");
            List<String> lines = intervalLines(run);
            assertEquals(9, lines.size(), run.out());
            lines.forEach(l -> assertTrue(QPERF_LINE.matcher(l).matches(), l));
            assertTrue(lines.get(2).startsWith("    [SUM]   0.0-1.0 sec"), run.out());
            assertTrue(lines.get(8).startsWith("    [SUM]   2.0-3.0 sec"), run.out());
            assertTrue(run.out().contains("\n    bw  =  "), "qperf's summary still follows: " + run.out());
            CliTestSupport.Run json = qperf(server, "-t", "3", "-i", "2", "--json", "tcp_bw", "tcp_lat");
            List<TestResult> tests = ResultJson.read(json.out()).tests();
            List<TestResult> intervals = tests.get(0).intervals();
            assertEquals(List.of("0-2", "2-3"), intervals.stream()
                    .map(i -> i.params().get("from_sec") + "-" + i.params().get("to_sec")).toList());
            long bytes = intervals.stream().mapToLong(i -> i.counts().get("loc_send_bytes")).sum();
            assertEquals(tests.get(0).counts().get("loc_send_bytes"), bytes, "the intervals add up to the test");
            assertTrue(intervals.get(0).metric(Metric.SEND_BW).getAsDouble() > 0);
            NetCounters net = tests.get(0).localNet();
            if (net != null && net.start() != null && net.end() != null) { // TCP_INFO read: the natives loaded
                long whole = net.end().field("total_retrans").getAsLong() - net.start().field("total_retrans").getAsLong();
                assertEquals(whole, intervals.stream().mapToLong(i -> i.counts().get("loc_tcp_retrans")).sum(),
                        "the intervals' retransmissions add up to the test's");
                assertTrue(lines.stream().allMatch(l -> l.contains("  retr ")), run.out());
            }
            assertEquals(List.of(), tests.get(1).intervals(), "latency tests have none");
        }
    }

    @Test
    void udpBandwidthHasIntervalsTooWithoutRetransmissions() {
        try (QperfServer server = QperfServer.builder().port(0).build()) {
            CliTestSupport.Run run = qperf(server, "-t", "3", "-i", "1", "udp_bw");
            List<String> lines = intervalLines(run);
            assertEquals(3, lines.size(), run.out());
            lines.forEach(l -> assertTrue(QPERF_LINE.matcher(l).matches() && !l.contains("retr"), l));
            TestResult test = ResultJson.read(qperf(server, "-t", "2", "-i", "1", "--json", "udp_bw").out()).tests().get(0);
            assertEquals(2, test.intervals().size(), test.toString());
            assertEquals(test.counts().get("loc_send_bytes"),
                    test.intervals().stream().mapToLong(i -> i.counts().get("loc_send_bytes")).sum(),
                    "the intervals add up to what was sent");
            test.intervals().forEach(i -> assertTrue(!i.counts().containsKey("loc_tcp_retrans"), "UDP: " + i));
        }
    }

    @Test
    void wrkReportsEachIntervalAndTheLastPartOne() {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            CliTestSupport.Run run = CliTestSupport.execute("wrk", "-t1", "-c2", "-d3", "--jit-warmup", "0", "-i", "2",
                    url);
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().filter(l -> l.startsWith("  [")).toList();
            assertEquals(2, lines.size(), run.out());
            lines.forEach(l -> assertTrue(WRK_LINE.matcher(l).matches(), l));
            // An interval ends at the progress tick's measured time, which a loaded machine makes late by tenths.
            assertTrue(lines.get(0).matches("  \\[  0\\.0-2\\.\\d sec].*"), run.out());
            assertTrue(lines.get(1).matches("  \\[  2\\.\\d-3\\.\\d sec].*"), run.out());
            assertTrue(run.out().indexOf("Requests/sec:") > run.out().indexOf(lines.get(1)), run.out());
            CliTestSupport.Run json = CliTestSupport.execute("wrk", "-t1", "-c2", "-d2", "--jit-warmup", "0", "-i", "1",
                    "--json", url);
            assertEquals(0, json.exitCode(), json.err());
            TestResult test = ResultJson.read(json.out()).tests().get(0);
            assertEquals(2, test.intervals().size(), json.out());
            assertEquals(test.counts().get("requests"),
                    test.intervals().stream().mapToLong(i -> i.counts().get("requests")).sum(),
                    "the intervals add up to the run");
            assertTrue(json.err().lines().allMatch(l -> WRK_LINE.matcher(l).matches()), "lines beside JSON go to stderr: "
                    + json.err());
        }
    }

    @Test
    void wrkIntervalsNameTheirErrors() {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            CliTestSupport.Run run = CliTestSupport.execute("wrk", "-t1", "-c2", "-d2", "--jit-warmup", "0", "-i", "1",
                    "http://127.0.0.1:" + server.port() + "/status/503");
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().filter(l -> l.startsWith("  [")).toList();
            assertEquals(2, lines.size(), run.out());
            lines.forEach(l -> assertTrue(l.matches(".* req/s  errors (\\d+) \\(status \\1\\)  p50 .*"), l));
        }
    }
}
