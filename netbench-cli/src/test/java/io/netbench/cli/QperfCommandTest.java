package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.Metric;
import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.TestResult;
import io.netbench.core.TransportType;
import io.netbench.tcp.QperfServer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code netbench qperf} against an in-process server: qperf's text, loops and -vu, JSON, errors. */
class QperfCommandTest {
    private static QperfServer server;

    @BeforeAll
    static void start() {
        server = QperfServer.builder().port(0).threads(2).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String port() {
        return String.valueOf(server.port());
    }

    @Test
    void plainOutputIsQperfs() {
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", port(), "-t", "1",
                "tcp_bw", "tcp_lat");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Pattern.compile("tcp_bw:\n    bw  =  [\\d.,]+ [KMG]?B/sec\ntcp_lat:\n    latency  =  [\\d.,]+ us\n")
                .matcher(run.out()).matches(), run.out());
    }

    @Test
    void loopVerboseUsedAndPercentiles() {
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", port(), "-t", "1",
                "-oo", "msg_size:1:64:*64", "-vu", "--percentiles", "tcp_lat");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.out().split("tcp_lat:").length - 1, run.out());
        assertTrue(Pattern.compile("\n    msg_size {8}=  {4}1 bytes\n").matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("\n    msg_size {8}=  {3}64 bytes\n").matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("\n    latency_p99.9   =  +[\\d.]+ [mu]?s\n").matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("\n    time            =     1 sec\n"), run.out());
    }

    /** {@code netbench qperf 127.0.0.1 -lp PORT -t 1 --json ARGS}, which must succeed, as its result. */
    private static RunResult json(String... args) {
        List<String> argv = new ArrayList<>(List.of("qperf", "127.0.0.1", "-lp", port(), "-t", "1", "--json"));
        argv.addAll(List.of(args));
        CliTestSupport.Run run = CliTestSupport.execute(argv.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return ResultJson.read(run.out());
    }

    @Test
    void jsonHasEveryStepWithHistograms() {
        RunResult result = json("-oo", "msg_size:1:4:*4", "udp_lat", "tcp_bw");
        assertEquals(4, result.tests().size());
        assertEquals("4", result.tests().get(1).params().get("msg_size"));
        assertTrue(result.tests().get(0).histograms().containsKey("latency"));
        assertTrue(result.tests().get(3).metric(Metric.RECV_BW).orElseThrow() > 0);
        assertEquals(TransportType.defaultType().displayName(), result.tests().get(0).transport());
    }

    @Test
    void bothEndsCountersAreInTheJsonAndBehindTcpInfoInText() {
        RunResult result = json("tcp_bw", "tcp_lat");
        for (TestResult t : result.tests()) {
            assertTrue(t.localNet().end().field("snd_mss").orElseThrow() > 10_000, t.test() + " " + t.localNet());
            assertTrue(t.remoteNet().end().field("snd_mss").orElseThrow() > 10_000, t.test() + " " + t.remoteNet());
            assertTrue(t.remoteNet().cpu().containsKey("softirq"), t.remoteNet().toString());
        }
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", port(), "-t", "1", "--tcp-info",
                "tcp_bw");
        assertEquals(0, run.exitCode(), run.err());
        for (String row : List.of("loc_tcp_cc", "loc_tcp_mss", "loc_tcp_retrans", "loc_tcp_rtt", "loc_cpus_softirq",
                "rem_tcp_mss", "rem_net_retrans_segs", "rem_cpus_system")) {
            assertTrue(Pattern.compile("\n    " + row + " +=  +\\S").matcher(run.out()).find(), row + " in " + run.out());
        }
    }

    @Test
    void countersOffMeansNoneReadAndNoneAskedOfTheServer() throws Exception {
        List<String> command = new ArrayList<>(CliTestSupport.netbenchJvm("-Dnetbench.netCounters=false"));
        command.addAll(List.of("qperf", "127.0.0.1", "-lp", port(), "-t", "1", "--json", "tcp_lat"));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        TestResult t = ResultJson.read(out).tests().get(0);
        assertTrue(t.metric(Metric.LATENCY).orElseThrow() > 0, out);
        assertEquals(null, t.localNet(), "nothing sampled here");
        assertEquals(null, t.remoteNet(), "nor asked of the server, which would have sent its own");
        assertTrue(!out.contains("tcp_info"), out);
    }

    @Test
    void theJdkDataPathIsAskedForWithTransportNio() {
        RunResult result = json("--transport", "nio", "tcp_bw", "tcp_lat");
        assertEquals(List.of("nio", "nio"), result.tests().stream().map(TestResult::transport).toList());
        assertTrue(result.tests().get(0).metric(Metric.RECV_BW).orElseThrow() > 0);
        assertTrue(result.tests().get(1).metric(Metric.LATENCY).orElseThrow() > 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rc_bw|rc_bw: not supported by netbench",
        "tcp_foo|tcp_foo: no such test",
        "-m 4X tcp_lat|bad size: 4X",
        "-oo msg_size:1:64 tcp_lat|the loop never ends",
        "-oo bogus:1:64:*2 tcp_lat|bogus: no such variable",
        "-t 1x tcp_lat|-t bad time: 1x",
        "-t 0 tcp_lat|-t 0: expected at least 1 second",
        "-to 0.5 tcp_lat|-to 0.5: expected at least 1 second",
        "-sb 4X tcp_lat|-sb bad size: 4X",
        "-ca -1 tcp_lat|-ca requires a non-negative number",
        "-rca 2000 tcp_lat|-rca 2000: expected a CPU 1..1024 (0 = any)",
        "-ws soon tcp_lat|-ws bad time: soon",
        "-e 0 tcp_lat|-e 0: expected 1..15",
        "--transport carrier-pigeon tcp_lat|unknown transport 'carrier-pigeon'",
        "--jit-warmup soon tcp_lat|--jit-warmup bad duration: soon",
        "--frobnicate tcp_lat|Unknown option",
        "-oo msg_size:1K:64K:*4 tcp_lat udp_lat|msg_size 65536 is too large for udp_lat"})
    void badInputIsOneLineAndExitTwo(String args, String message) {
        String[] argv = ("qperf 127.0.0.1 -lp " + port() + " " + args).split(" ");
        CliTestSupport.Run run = CliTestSupport.execute(argv);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals("", run.out(), "nothing runs before every test and step has been checked");
    }

    @Test
    void deadServerIsOneLineAndExitOne() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(dead), "-ws", "0",
                "tcp_lat");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("qperf: 127.0.0.1: failed to connect to port " + dead + " (Connection refused)\n", run.err());
        CliTestSupport.Run waited = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(dead), "-ws", "1",
                "tcp_lat");
        assertEquals("qperf: 127.0.0.1: failed to connect to port " + dead + " (Connection refused; waited 1 s)\n",
                waited.err());
    }

    @Test
    void aPortInTheHostIsShownWhereItGoes() {
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1:" + port(), "tcp_lat");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("qperf: 127.0.0.1:" + port() + ": cannot resolve host name (give the port as -lp PORT, as qperf"
                + " takes it)\n", run.err());
        CliTestSupport.Run v6 = CliTestSupport.execute("qperf", "[::1]:" + port(), "tcp_lat");
        assertTrue(v6.err().endsWith("(give the port as -lp PORT, as qperf takes it)\n"), v6.err());
    }

    @Test
    void affinityIsShownAndOptionsNoSocketTestUsesAreWarnedAboutAsQperfDoes() {
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", port(), "-t", "1", "-vu",
                "-ca", "1", "-ar", "1", "-f", "1", "-n", "5", "tcp_lat");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("tcp_lat:\nwarning: -ar set but not used in test tcp_lat\n"
                + "warning: -f set but not used in test tcp_lat\nwarning: -n set but not used in test tcp_lat\n"
                + "    latency   =  "), run.out());
        assertTrue(Pattern.compile("\n    affinity  = +1 \n").matcher(run.out()).find(), run.out());
    }
}
