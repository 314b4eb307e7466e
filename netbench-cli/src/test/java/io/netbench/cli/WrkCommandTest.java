package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.testing.ExternalTools;
import io.netbench.core.testing.Nginx;
import io.netbench.http.HttpBenchServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code netbench wrk}: wrk's layout against the real wrk, wrk2's with -R, JSON and HdrHistogram logs, errors. */
class WrkCommandTest {
    /** Each line of wrk's output with its numbers blanked: the layout to compare. */
    private static List<String> shape(String output) {
        return output.lines().map(l -> l.replaceAll("[\\d.]+(us|ms|s|m|k|M|G|KB|MB|GB|B|%)?", "N")
                .replaceAll(" +", " ")).toList();
    }

    @Test
    void outputMatchesRealWrkFieldByField() throws Exception {
        Path wrk = ExternalTools.require("wrk");
        try (Nginx nginx = Nginx.start()) {
            Process real = new ProcessBuilder(wrk.toString(), "-t2", "-c10", "-d1s", "--latency", nginx.url())
                    .redirectErrorStream(true).start();
            assertTrue(real.waitFor(30, TimeUnit.SECONDS));
            String expected = new String(real.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            CliTestSupport.Run ours = CliTestSupport.execute("wrk", "-t2", "-c10", "-d1s", "--latency", nginx.url());
            assertEquals(0, ours.exitCode(), ours.err());
            assertEquals(shape(expected), shape(ours.out()), "real wrk:\n" + expected + "\nnetbench:\n" + ours.out());
        }
    }

    @Test
    void wrk2LayoutJsonAndHdrLog() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            CliTestSupport.Run rated = CliTestSupport.execute("wrk", "-t1", "-c4", "-d1", "-R", "500", "--latency",
                    "-U", url);
            assertEquals(0, rated.exitCode(), rated.err());
            assertTrue(rated.out().contains("  Latency Distribution (HdrHistogram - Recorded Latency)\n 50.000%"),
                    rated.out());
            assertTrue(rated.out().contains("Uncorrected Latency (measured without taking delayed starts into account)"));
            assertTrue(rated.out().contains("  Detailed Percentile spectrum:\n       Value"), rated.out());
            Path log = Files.createTempFile("wrk", ".hlog");
            CliTestSupport.Run json = CliTestSupport.execute("wrk", "-t1", "-c2", "-d2s", "--json", "--hdr-log",
                    log.toString(), "-H", "X-Test: 1", url);
            assertEquals(0, json.exitCode(), json.err());
            RunResult result = ResultJson.read(json.out());
            assertTrue(result.tests().get(0).counts().get("requests") > 0);
            assertEquals(result.tests().get(0).counts().get("requests"), result.tests().get(0).counts().get("status_200"));
            assertTrue(Files.readString(log).contains("#[StartTime: "), Files.readString(log));
            assertTrue(result.tests().get(0).localNet().system().containsKey("Tcp.RetransSegs"), json.out());
            CliTestSupport.Run info = CliTestSupport.execute("wrk", "-t1", "-c2", "-d1", "--tcp-info", url);
            assertEquals(0, info.exitCode(), info.err());
            assertTrue(Pattern.compile("\n  TCP: 2 connections \\(\\w+\\): MSS \\d+, retrans \\d+, rtt \\d+ us, .*softirq \\d+ %")
                    .matcher(info.out()).find(), info.out());
            Files.delete(log);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-t 4 -c 2 http://127.0.0.1:1/|number of connections must be >= threads",
        "-d 1x http://127.0.0.1:1/|-d bad duration: 1x",
        "-d 0 http://127.0.0.1:1/|-d 0: must be positive",
        "--timeout 0ms http://127.0.0.1:1/|--timeout 0ms: must be positive",
        "--hdr-log /no/such/dir/x.hlog http://127.0.0.1:1/|--hdr-log /no/such/dir/x.hlog: cannot write",
        "--jit-warmup soon http://127.0.0.1:1/|--jit-warmup bad duration: soon",
        "-c 1.5k http://127.0.0.1:1/|-c bad number: 1.5k",
        "not-a-url|invalid URL: not-a-url",
        "--pipeline 0 http://127.0.0.1:1/|pipeline must be 1..1024",
        "-s no-such.lua http://127.0.0.1:1/|-s no-such.lua: cannot read (no such file or directory)",
        "http://127.0.0.1:1/ extra|unexpected arguments [extra] (script arguments need -s)"})
    void badInputIsOneLineAndExitTwo(String args, String message) {
        CliTestSupport.Run run = CliTestSupport.execute(("wrk " + args).split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void deadServerIsWrksLineAndExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliTestSupport.Run run = CliTestSupport.execute("wrk", "-d1s", "http://127.0.0.1:" + port + "/");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().endsWith("wrk: unable to connect to 127.0.0.1:" + port + " Connection refused\n"),
                run.err());
    }
}
