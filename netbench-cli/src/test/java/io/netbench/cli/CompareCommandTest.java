package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.tcp.QperfServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @Test
    void sweepsEachTargetAndPrintsOneReport(@TempDir Path dir) {
        try (QperfServer a = QperfServer.start(0); QperfServer b = QperfServer.start(0)) {
            CliTestSupport.Run run = CliTestSupport.execute("compare", "--target", "host=127.0.0.1:" + a.port(),
                    "--target", "pod=[::1]:" + b.port(), "-t", "1", "-oo", "msg_size:1:64:*64", "--save",
                    dir.toString(), "tcp_lat");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("### tcp_lat (us, lower is better)\n\n| msg_size | host | pod |"), run.out());
            assertTrue(run.out().contains("| 64 B | "), run.out());
            assertTrue(Files.exists(dir.resolve("pod.json")));
        }
    }

    @Test
    void badTargetIsOneLine() {
        CliTestSupport.Run run = CliTestSupport.execute("compare", "--target", "nohost", "tcp_lat");
        assertEquals(2, run.exitCode());
        assertEquals("compare: --target nohost: expected NAME=HOST[:PORT]\n", run.err());
    }
}
