package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.TestResult;
import io.netbench.http.HttpBenchServer;
import io.netbench.tcp.QperfServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --fail-on}: one line per breach on stderr, exit 3, the checks in the JSON; bad thresholds exit 2. */
class FailOnTest {
    /** wrk for a second with one thread, without the JIT warm-up, then the given options and URL. */
    private static CliTestSupport.Run wrk(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("wrk", "-t1", "-c2", "-d1", "--jit-warmup", "0"));
        all.addAll(List.of(args));
        return CliTestSupport.execute(all.toArray(String[]::new));
    }

    @Test
    void wrkBreachExitsThreeAndSaysWhich() {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            CliTestSupport.Run run = wrk("--fail-on", "p99>1ns,errors>0,rps<1", url);
            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.out().contains("Requests/sec:"), "the report is printed as usual: " + run.out());
            List<String> lines = run.err().lines().toList();
            assertEquals(1, lines.size(), run.err());
            assertTrue(lines.get(0).matches("wrk: threshold breached: p99>1ns \\(p99 = \\d+ns\\)"), run.err());
            CliTestSupport.Run passed = wrk("--json", "--fail-on", "errors>0,rps<1", url);
            assertEquals(0, passed.exitCode(), passed.err());
            TestResult json = ResultJson.read(passed.out()).tests().get(0);
            assertEquals(List.of("errors>0", "rps<1"), json.thresholds().stream().map(c -> c.threshold()).toList());
            assertTrue(json.thresholds().stream().noneMatch(c -> c.breached()), json.thresholds().toString());
        }
    }

    @Test
    void aRunWithoutOneSuccessSaysSoLast() {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            String url = "http://127.0.0.1:" + server.port() + "/status/503";
            CliTestSupport.Run run = wrk("--fail-on", "errors>0", url);
            assertEquals(3, run.exitCode(), run.err());
            List<String> lines = run.err().lines().toList();
            assertTrue(lines.get(0).startsWith("wrk: threshold breached: errors>0 (errors = "), run.err());
            assertTrue(lines.get(lines.size() - 1).matches("wrk: not a single request succeeded \\(status \\d+\\)"),
                    run.err());
        }
    }

    @Test
    void qperfChecksEachTestAndStep() {
        try (QperfServer server = QperfServer.builder().port(0).build()) {
            CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(server.port()),
                    "-t", "1", "--jit-warmup", "0", "-oo", "msg_size:1:64:*64", "--fail-on", "lat>1ns,bw<1B/s",
                    "tcp_bw", "tcp_lat");
            assertEquals(3, run.exitCode(), run.err());
            List<String> lines = run.err().lines().toList();
            assertEquals(2, lines.size(), run.err());
            assertTrue(lines.get(0).matches("qperf: threshold breached: tcp_lat msg_size=1: lat>1ns \\(lat = \\d+ns\\)"),
                    run.err());
            assertTrue(lines.get(1).startsWith("qperf: threshold breached: tcp_lat msg_size=64: lat>1ns"), run.err());
        }
    }

    @Test
    void aThresholdNoTestHasIsNamed() {
        try (QperfServer server = QperfServer.builder().port(0).build()) {
            CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(server.port()),
                    "-t", "1", "--jit-warmup", "0", "--fail-on", "lat>1s", "tcp_bw");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("qperf: warning: --fail-on lat>1s applies to no test that ran (none has that figure)\n",
                    run.err());
        }
    }

    @Test
    void badThresholdIsOneLineAndExitTwo() {
        CliTestSupport.Run run = CliTestSupport.execute("wrk", "--fail-on", "p99>5", "http://127.0.0.1:1/");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("wrk: --fail-on: threshold 'p99>5': p99 is a time: give its limit in ns, us, ms or s\n", run.err());
        CliTestSupport.Run qperf = CliTestSupport.execute("qperf", "127.0.0.1", "--fail-on", "speed>1", "tcp_bw");
        assertEquals(2, qperf.exitCode(), qperf.err());
        assertTrue(qperf.err().startsWith("qperf: --fail-on: threshold 'speed>1': unknown figure 'speed'"), qperf.err());
    }
}
