package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.NetCounters;
import io.netbench.core.ResultJson;
import io.netbench.core.TestResult;
import io.netbench.core.testing.ExternalTools;
import io.netbench.tcp.QperfServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counters on real links: a netbench server in a network namespace of its own ({@value #NS})
 * behind a veth pair with an MTU of 1500, where TCP's MSS is 1448 (1500 less 20 of IP, 20 of TCP
 * and 12 of timestamps) on both ends, against loopback's tens of KiB; then the same link shaped
 * by a token bucket too small for a bulk transfer, where tcp_bw retransmits, and where a report of
 * shaped against loopback says why in its why column.
 */
class TcpInfoNamespaceTest {
    private static final String NS = "nb20-link";
    private static final String HOST_IF = "nb20h";
    private static final String POD_IF = "nb20p";
    private static final String HOST_IP = "10.220.0.1";
    private static final String POD_IP = "10.220.0.2";
    private static final String PORT = "19765";
    private static Process server;

    @BeforeAll
    static void createNamespace() throws Exception {
        assumeTrue(ExternalTools.find("ip").isPresent() && ExternalTools.find("tc").isPresent(), "needs ip and tc");
        teardown();
        String failure = ExternalTools.run("ip", "netns", "add", NS);
        if (failure != null) {
            ExternalTools.missing("cannot create a network namespace here: " + failure);
        }
        for (List<String> command : List.of(
                List.of("ip", "link", "add", HOST_IF, "mtu", "1500", "type", "veth", "peer", "name", POD_IF, "mtu", "1500"),
                List.of("ip", "link", "set", POD_IF, "netns", NS),
                List.of("ip", "addr", "add", HOST_IP + "/24", "dev", HOST_IF),
                List.of("ip", "link", "set", HOST_IF, "up"),
                List.of("ip", "netns", "exec", NS, "ip", "addr", "add", POD_IP + "/24", "dev", POD_IF),
                List.of("ip", "netns", "exec", NS, "ip", "link", "set", POD_IF, "up"),
                List.of("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up"))) {
            String error = ExternalTools.run(command.toArray(String[]::new));
            if (error != null) {
                teardown();
                ExternalTools.missing("cannot build the namespace: " + error);
            }
        }
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NS));
        command.addAll(CliTestSupport.netbenchJvm());
        command.addAll(List.of("server", "--no-http", "--threads", "1", "-lp", PORT));
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = lines.readLine();
        line = line != null && line.startsWith("warm-up: ") ? lines.readLine() : line;
        assertTrue(line != null && line.startsWith("qperf listening"), "server in the namespace: " + line);
    }

    @AfterAll
    static void teardown() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            server = null;
        }
        ExternalTools.run("ip", "netns", "del", NS);
        ExternalTools.run("ip", "link", "del", HOST_IF);
    }


    private static List<TestResult> qperfJson(String... tests) {
        List<String> argv = new ArrayList<>(List.of("qperf", POD_IP, "-lp", PORT, "-t", "1", "--json"));
        argv.addAll(List.of(tests));
        CliTestSupport.Run run = CliTestSupport.execute(argv.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return ResultJson.read(run.out()).tests();
    }

    @Test
    void aVethWithAnMtuOf1500HasAnMssOf1448AtBothEnds() throws Exception {
        ExternalTools.run("tc", "qdisc", "del", "dev", HOST_IF, "root");
        for (TestResult t : qperfJson("tcp_bw", "tcp_lat")) {
            for (NetCounters end : List.of(t.localNet(), t.remoteNet())) {
                assertEquals(1448, end.end().field("snd_mss").orElseThrow(), t.test() + " " + end);
                assertTrue(end.system().containsKey("Tcp.RetransSegs") && end.cpu().containsKey("softirq"), end.toString());
            }
        }
    }

    @Test
    void aShapedLinkRetransmitsAndTheReportSaysWhy(@TempDir Path dir) throws Exception {
        String error = ExternalTools.run("tc", "qdisc", "replace", "dev", HOST_IF, "root", "tbf", "rate", "50mbit",
                "burst", "16kb", "latency", "2ms");
        assertEquals(null, error);
        try (QperfServer loopback = QperfServer.builder().port(0).threads(1).build()) {
            TestResult bw = qperfJson("tcp_bw").get(0);
            assertTrue(bw.localNet().tcp("total_retrans").orElseThrow() > 0, "drops at the bucket: " + bw.localNet());
            Path report = dir.resolve("shaped.md");
            CliTestSupport.Run run = CliTestSupport.execute("compare", "--target", "loopback=127.0.0.1:"
                    + loopback.port(), "--target", "shaped=" + POD_IP + ":" + PORT, "--rounds", "2", "-t", "1", "-o",
                    report.toString(), "tcp_bw");
            assertEquals(0, run.exitCode(), run.err());
            String md = Files.readString(report);
            assertTrue(md.contains("| shaped | why (shaped) |"), md);
            // The column names the three counters that differ most: the drops' retransmissions among
            // them; the MSS (checked per end in the test above) competes with rtt and CPU for a place.
            assertTrue(md.matches("(?s).*retrans [1-9]\\d* vs \\d.*"), md);
        } finally {
            ExternalTools.run("tc", "qdisc", "del", "dev", HOST_IF, "root");
        }
    }
}
