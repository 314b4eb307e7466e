package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.testing.ExternalTools;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one-port property, the way Kubernetes breaks qperf: a server in a network namespace "pod"
 * behind a kube-proxy-like DNAT "Service" address that forwards only port {@value #PORT} (TCP and
 * UDP). Every netbench test passes through it; the real qperf client does not, because its data
 * connection goes to a second port.
 */
class OnePortNamespaceTest {
    private static final String NS = "nbt-tcp";
    private static final String HOST_IF = "nbt0";
    private static final String POD_IF = "nbt1";
    private static final String HOST_IP = "10.204.0.1";
    private static final String POD_IP = "10.204.0.2";
    private static final String SERVICE_IP = "10.98.0.10";
    private static final int PORT = 19765;
    private static Process server;

    @BeforeAll
    static void createPodBehindService() throws Exception {
        assumeTrue(ExternalTools.find("ip").isPresent() && ExternalTools.find("iptables").isPresent(),
                "needs ip and iptables");
        teardown();
        String failure = ExternalTools.run("ip", "netns", "add", NS);
        assumeTrue(failure == null, "cannot create a network namespace here: " + failure);
        for (List<String> command : List.of(
                List.of("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", POD_IF),
                List.of("ip", "link", "set", POD_IF, "netns", NS),
                List.of("ip", "addr", "add", HOST_IP + "/24", "dev", HOST_IF),
                List.of("ip", "link", "set", HOST_IF, "up"),
                List.of("ip", "netns", "exec", NS, "ip", "addr", "add", POD_IP + "/24", "dev", POD_IF),
                List.of("ip", "netns", "exec", NS, "ip", "link", "set", POD_IF, "up"),
                List.of("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up"),
                List.of("ip", "netns", "exec", NS, "ip", "route", "add", "default", "via", HOST_IP),
                List.of("ip", "route", "add", SERVICE_IP + "/32", "dev", HOST_IF),
                dnat("tcp", "-A"), dnat("udp", "-A"))) {
            String error = ExternalTools.run(command.toArray(String[]::new));
            if (error != null) {
                teardown();
                assumeTrue(false, "cannot build the namespace pod: " + error);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder("ip", "netns", "exec", NS, java, "-cp", System.getProperty("java.class.path"),
                NamespacedQperfServer.class.getName(), String.valueOf(PORT)).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = lines.readLine();
        assertTrue(line != null && line.startsWith("listening"), "server in the pod did not start: " + line);
    }

    private static List<String> dnat(String protocol, String action) {
        return List.of("iptables", "-t", "nat", action, "OUTPUT", "-d", SERVICE_IP + "/32", "-p", protocol,
                "--dport", String.valueOf(PORT), "-j", "DNAT", "--to-destination", POD_IP + ":" + PORT);
    }

    @AfterAll
    static void teardown() throws Exception {
        if (server != null) {
            server.getOutputStream().close();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            server = null;
        }
        while (ExternalTools.run(dnat("tcp", "-D").toArray(String[]::new)) == null) {
            // remove every copy of the rule
        }
        while (ExternalTools.run(dnat("udp", "-D").toArray(String[]::new)) == null) {
            // remove every copy of the rule
        }
        ExternalTools.run("ip", "route", "del", SERVICE_IP + "/32");
        ExternalTools.run("ip", "netns", "del", NS);
        ExternalTools.run("ip", "link", "del", HOST_IF);
    }


    @ParameterizedTest
    @EnumSource(value = QperfTest.class, names = {"TCP_BW", "TCP_LAT", "UDP_BW", "UDP_LAT"})
    void everyNetbenchTestPassesThroughTheServicePort(QperfTest test) throws Exception {
        QperfResult r = QperfClient.to(SERVICE_IP, PORT).test(test).time(Duration.ofSeconds(1)).run();
        assertTrue(r.remote().receivedMsgs() > 0, test + " " + r);
        assertTrue(test.isLatency() ? r.latencyNanos() > 0 : r.receiveBandwidth() > 0, test + " " + r);
    }

    @Test
    void realQperfFailsThroughTheServicePortButWorksDirect() throws Exception {
        Path qperf = ExternalTools.require("qperf");
        Process direct = new ProcessBuilder(qperf.toString(), POD_IP, "-lp", String.valueOf(PORT), "-t", "1",
                "tcp_lat").redirectErrorStream(true).start();
        assertTrue(direct.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, direct.exitValue(), new String(direct.getInputStream().readAllBytes()));
        Process viaService = new ProcessBuilder(qperf.toString(), SERVICE_IP, "-lp", String.valueOf(PORT), "-t", "1",
                "-to", "2", "tcp_lat").redirectErrorStream(true).start();
        assertTrue(viaService.waitFor(30, TimeUnit.SECONDS));
        String out = new String(viaService.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, viaService.exitValue(), out);
        assertTrue(out.contains("could not make TCP connection"), out);
    }
}
