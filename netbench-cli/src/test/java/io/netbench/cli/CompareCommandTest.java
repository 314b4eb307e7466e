package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.http.HttpBenchServer;
import io.netbench.tcp.QperfServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netbench compare}: rounds against several targets, the verdicts, --save, bad targets. */
class CompareCommandTest {
    @Test
    void oneServerUnderThreeLabelsShowsNoDifferenceAnywhere(@TempDir Path dir) throws Exception {
        try (QperfServer qperf = QperfServer.builder().port(0).threads(1).build();
             HttpBenchServer http = HttpBenchServer.builder().port(0).threads(1).build()) {
            String target = "127.0.0.1:" + qperf.port() + ",http=" + http.port();
            Path csv = dir.resolve("compare.csv");
            // b and c are a, so every "difference" is a false positive: 7 rounds against 7 at 99.9 % use the
            // pairwise minimum and maximum (exact level 99.94 %), a false positive 1 in 1716 per cell; 5 rounds at
            // 99 % (level 99.2 %) gave 1 in 126 per cell, over the 16 comparable cells one run in 8.
            CliTestSupport.Run run = CliTestSupport.execute("compare", "--target", "a=" + target, "--target",
                    "b=" + target, "--target", "c=" + target, "--rounds", "7", "--confidence", "99.9", "-t", "1",
                    "-m", "64", "-d", "1s", "-c", "10", "--save", dir.toString(), "--label", "node=one",
                    "-o", csv.toString(), "tcp_lat", "tcp_bw", "http");
            assertEquals(0, run.exitCode(), run.err());
            List<String[]> rows = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)).toList();
            assertEquals(3 * (2 + 11), rows.size(), "tcp_lat, tcp_bw and 11 wrk figures for each of 3 targets");
            for (String[] row : rows) {
                assertEquals("7", row[5], String.join(",", row));
                String expected = row[4].equals("a") ? "baseline" : row[0].startsWith("HTTP") && row[2].equals("count")
                        ? "not comparable" : "no difference";
                assertEquals(expected, row[13], String.join(",", row));
                if (expected.equals("no difference")) {
                    assertTrue(Double.parseDouble(row[12]) > 99.9, "the level asked for: " + String.join(",", row));
                }
            }
            RunResult saved = ResultJson.read(Files.readString(dir.resolve("b.json")));
            assertEquals("b", saved.labels().get("target"));
            assertEquals("one", saved.labels().get("node"));
            assertEquals(21, saved.tests().size(), "7 rounds of 3 tests");
            assertTrue(run.err().contains("compare: round 7 of 7 done"), run.err());
        }
    }

    @Test
    void resultsFormatPrintsEachTargetsResultsAndNothingElse() throws Exception {
        try (QperfServer qperf = QperfServer.builder().port(0).threads(1).build()) {
            String target = "127.0.0.1:" + qperf.port();
            CliTestSupport.Run run = CliTestSupport.execute("compare", "--target", "a=" + target, "--target",
                    "b=" + target, "--rounds", "2", "-t", "1", "--format", "results", "--quiet", "--label",
                    "placement=same-node", "tcp_lat");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err(), "a pod's logs must be the results alone");
            List<RunResult> runs = io.netbench.core.ResultJson.readAll(run.out());
            assertEquals(List.of("a", "b"), runs.stream().map(r -> r.labels().get("target")).toList());
            assertEquals("same-node", runs.get(1).labels().get("placement"));
            assertEquals(2, runs.get(0).tests().size(), "two rounds");
        }
    }

    @Test
    void badTargetsAreOneLine() {
        CliTestSupport.Run run = CliTestSupport.execute("compare", "--target", "nohost", "tcp_lat");
        assertEquals(2, run.exitCode());
        assertEquals("compare: --target nohost: expected NAME=HOST[:PORT][,http=PORT|URL]\n", run.err());
        CliTestSupport.Run twice = CliTestSupport.execute("compare", "--target", "a=h1", "--target", "a=h2", "tcp_lat");
        assertEquals(2, twice.exitCode());
        assertEquals("compare: --target: each target needs a name of its own\n", twice.err());
        CliTestSupport.Run conf = CliTestSupport.execute("compare", "--target", "a=h1", "conf");
        assertEquals(2, conf.exitCode());
        assertTrue(conf.err().contains("compare runs tcp_bw, tcp_lat, udp_bw, udp_lat and http"), conf.err());
        CliTestSupport.Run save = CliTestSupport.execute("compare", "--target", "a=127.0.0.1:1", "--save",
                "/dev/null/results", "tcp_lat");
        assertEquals(2, save.exitCode(), save.err());
        assertTrue(save.err().startsWith("compare: --save /dev/null/results: cannot create ("), save.err());
        assertEquals(1, save.err().lines().count(), save.err());
    }

    @Test
    void aDeadTargetStopsTheComparisonNamingIt() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliTestSupport.Run run = CliTestSupport.execute("compare", "--target", "gone=127.0.0.1:" + port,
                "--rounds", "1", "-t", "1", "tcp_lat");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("compare: target gone (127.0.0.1:" + port + "): "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void targetsParseWithPortsUrlsAndIpv6() {
        assertEquals(new CompareTarget("host", "10.0.0.1", 19765, java.net.URI.create("http://10.0.0.1:8080/")),
                CompareTarget.parse("host=10.0.0.1"));
        assertEquals(new CompareTarget("pod", "::1", 29765, java.net.URI.create("http://[::1]:28080/")),
                CompareTarget.parse("pod=[::1]:29765,http=28080"));
        assertEquals(java.net.URI.create("http://svc:80/bytes/1024"),
                CompareTarget.parse("svc=svc:19765,http=http://svc:80/bytes/1024").http());
        assertEquals("[::1]:29765", CompareTarget.parse("pod=[::1]:29765").address());
        for (String bad : List.of("x=", "=h", "x=h:0", "x=h:99999", "x=h,y=1", "x=h,http=zz z", "x=[::1")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> CompareTarget.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--target " + bad + ": "), e.getMessage());
        }
    }
}
