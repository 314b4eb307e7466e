package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real qperf 0.4.11 client against a netbench server: classic second-port behaviour. */
class RealQperfClientTest {
    private static final Pattern VALUE = Pattern.compile("^\\s+(\\w+)\\s+=\\s+([\\d.,]+) (.*)$");

    static String runQperf(Path qperf, String... args) throws IOException, InterruptedException {
        return runQperf(0, qperf, args);
    }

    /** qperf's output (stdout and stderr together), once it exited with {@code exitCode}. */
    static String runQperf(int exitCode, Path qperf, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(qperf.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "qperf did not finish");
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(exitCode, process.exitValue(), out);
            return out;
        } finally {
            process.destroyForcibly();
        }
    }

    /** The number qperf printed for {@code name} in the block of {@code test}, in its unit. */
    static double value(String output, String test, String name) {
        boolean inTest = false;
        for (String line : output.split("\n")) {
            if (!line.startsWith(" ")) {
                inTest = line.equals(test + ":");
            } else if (inTest) {
                Matcher m = VALUE.matcher(line);
                if (m.matches() && m.group(1).equals(name)) {
                    return Double.parseDouble(m.group(2).replace(",", ""));
                }
            }
        }
        throw new AssertionError(name + " of " + test + " not in:\n" + output);
    }

    @Test
    void everySocketTestAndConfWork() throws Exception {
        Path qperf = ExternalTools.require("qperf");
        List<String> notices = new ArrayList<>();
        try (QperfServer server = QperfServer.builder().port(0).threads(2).notices(notices::add).build()) {
            String out = runQperf(qperf, "127.0.0.1", "-lp", String.valueOf(server.port()), "-t", "1", "-v",
                    "tcp_bw", "tcp_lat", "udp_bw", "udp_lat", "conf");
            assertTrue(value(out, "tcp_bw", "bw") > 0, out);
            assertTrue(value(out, "tcp_lat", "latency") > 0, out);
            assertTrue(value(out, "udp_bw", "recv_bw") > 0, out);
            assertTrue(value(out, "udp_lat", "latency") > 0, out);
            assertTrue(value(out, "tcp_lat", "rem_cpus_used") > 0, "remote CPU from our STAT\n" + out);
            assertTrue(out.contains("rem_qperf  =  0.4.11"), out);
            assertTrue(notices.isEmpty(), notices.toString());
        }
    }

    @Test
    void affinityWorksAndARefusalReachesTheClientAsQperfPrintsIt() throws Exception {
        Path qperf = ExternalTools.require("qperf");
        try (QperfServer server = QperfServer.start(0)) {
            String port = String.valueOf(server.port());
            String pinned = runQperf(qperf, "127.0.0.1", "-lp", port, "-t", "1", "-ca", "1", "-vu", "tcp_lat");
            assertTrue(value(pinned, "tcp_lat", "latency") > 0, pinned);
            assertTrue(value(pinned, "tcp_lat", "affinity") == 1, pinned);
            // The urgent byte sends qperf to its error path (without it qperf took the text for a port
            // number). Whether the text after it is read in time is qperf's own race; see UrgentData.
            String refused = runQperf(1, qperf, "127.0.0.1", "-lp", port, "-t", "1", "-rca", "1000", "tcp_lat");
            assertTrue(refused.matches("(?s)(.*\\n)?server: (cannot set processor affinity \\(cpu 999\\): this process"
                    + " may only use CPUs [\\d, ]+)?\\n.*"), refused);
            assertFalse(refused.contains("getaddrinfo"), refused);
        }
    }

    @Test
    void loopOverMessageSizesEchoesEachSize() throws Exception {
        Path qperf = ExternalTools.require("qperf");
        try (QperfServer server = QperfServer.start(0)) {
            String out = runQperf(qperf, "127.0.0.1", "-lp", String.valueOf(server.port()), "-t", "1",
                    "-oo", "msg_size:1:4K:*64", "-vu", "tcp_lat");
            assertEquals(3, out.split("tcp_lat:").length - 1, out);
            assertTrue(Pattern.compile("\n    msg_size +=  +4 KiB \\(4,096\\)\n").matcher(out).find(), out);
            assertTrue(Pattern.compile("\n    msg_size +=  +64 bytes\n").matcher(out).find(), out);
        }
    }
}
