package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.http.HttpBenchServer;
import io.netbench.tcp.QperfServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o FILE} and {@code --label KEY=VALUE} on the commands that measure. */
class OutputAndLabelsTest {
    @Test
    void qperfJsonGoesToTheFileWithLabelsAndTheEnvironment(@TempDir Path dir) throws Exception {
        try (QperfServer server = QperfServer.builder().port(0).threads(1).build()) {
            Path file = dir.resolve("runc.json");
            CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "-lp", String.valueOf(server.port()),
                    "-t", "1", "--jit-warmup", "0", "--json", "-o", file.toString(), "--label", "runtime=runc",
                    "--label", "placement=same-node", "tcp_lat");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.out(), "only the file gets the result");
            RunResult result = ResultJson.read(Files.readString(file));
            assertEquals(java.util.Map.of("runtime", "runc", "placement", "same-node"), result.labels());
            assertTrue(result.environment().containsKey("hostname") && result.environment().containsKey("jvm"),
                    result.environment().toString());
            assertFalse(result.environment().getOrDefault("jvm_gc", "").isBlank(), result.environment().toString());
            assertEquals(36, result.runId().length(), result.runId());
            try (var leftovers = Files.list(dir)) {
                assertEquals(1, leftovers.count(), "no temporary file is left beside the result");
            }
        }
    }

    @Test
    void wrkTextGoesToTheFile(@TempDir Path dir) throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            Path file = dir.resolve("wrk.txt");
            CliTestSupport.Run run = CliTestSupport.execute("wrk", "-t1", "-c2", "-d1", "--jit-warmup", "0", "-o",
                    file.toString(), "http://127.0.0.1:" + server.port() + "/");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.out());
            String text = Files.readString(file);
            assertTrue(text.startsWith("Running 1s test @ http://127.0.0.1:") && text.contains("Requests/sec:"), text);
        }
    }

    @Test
    void badLabelsAreOneLineAndExitTwo() {
        for (String bad : new String[] {"runtime", "=runc", "run time=x", "runtime="}) {
            CliTestSupport.Run run = CliTestSupport.execute("qperf", "127.0.0.1", "--label", bad, "tcp_lat");
            assertEquals(2, run.exitCode(), bad);
            assertEquals("qperf: --label " + bad + ": expected KEY=VALUE, KEY of letters, digits, _ . -\n", run.err());
        }
    }
}
