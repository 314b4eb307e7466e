package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.tcp.QperfServer;
import java.net.ServerSocket;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void jsonHasEveryStepWithHistograms() {
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", port(), "-t", "1",
                "-oo", "msg_size:1:4:*4", "--json", "udp_lat", "tcp_bw");
        assertEquals(0, run.exitCode(), run.err());
        RunResult result = ResultJson.read(run.out());
        assertEquals(4, result.tests().size());
        assertEquals("4", result.tests().get(1).params().get("msg_size"));
        assertTrue(result.tests().get(0).histograms().containsKey("latency"));
        assertTrue(result.tests().get(3).metrics().get("recv_bw") > 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rc_bw|rc_bw: not supported by netbench",
        "tcp_foo|tcp_foo: no such test",
        "-m 4X tcp_lat|bad size: 4X",
        "-oo msg_size:1:64 tcp_lat|the loop never ends",
        "-oo bogus:1:64:*2 tcp_lat|bogus: no such variable",
        "-t 1x tcp_lat|-t bad time: 1x",
        "-n 100 tcp_lat|-n/--no_msgs is not supported",
        "-e 0 tcp_lat|-e 0: expected 1..15",
        "--frobnicate tcp_lat|Unknown option"})
    void badInputIsOneLineAndExitTwo(String args, String message) {
        String[] argv = ("qperf 127.0.0.1 -lp " + port() + " " + args).split(" ");
        CliTestSupport.Run run = CliTestSupport.execute(argv);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void deadServerIsOneLineAndExitOne() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(dead), "tcp_lat");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("qperf: 127.0.0.1: failed to connect to port " + dead + " (Connection refused)\n", run.err());
    }
}
