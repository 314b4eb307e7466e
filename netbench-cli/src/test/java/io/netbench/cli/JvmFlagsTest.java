package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/jvm-flags}, which {@code bin/netbench} and the bench scripts run a host process with,
 * prints exactly the JVM options of the image's entrypoint: host and pod run one program.
 */
class JvmFlagsTest {
    private static final Path ROOT = Path.of(System.getProperty("netbench.root", ".."));

    @Test
    void theHostGetsTheEntrypointsJvmOptions() throws Exception {
        String entrypoint = Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
                .filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow().substring("ENTRYPOINT ".length());
        List<String> options = JSON.std.listOfFrom(String.class, entrypoint).stream()
                .filter(o -> o.startsWith("-XX:")).toList();
        assertTrue(options.contains("-XX:+UseParallelGC"), options.toString());
        CliTestSupport.Run run = CliTestSupport.exec(Duration.ofSeconds(10),
                List.of("sh", ROOT.resolve("bin/jvm-flags").toString()));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(options, run.out().lines().toList());
    }
}
