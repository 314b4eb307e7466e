package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example script Debian's wrk package ships, run unmodified under the real wrk and under
 * {@code netbench wrk} against the same netbench server: what each prints, and where, must be the
 * same with digits masked; wrk's own stats block is compared only by the lines it has (except
 * socket errors, which depend on the machine's load).
 */
class WrkExamplesTest {
    /** Where Debian's wrk package puts wrk's example scripts. */
    static final Path EXAMPLES = Path.of("/usr/share/doc/wrk/examples/scripts");

    @RegisterExtension
    static final LoopbackHttpServer SERVER = new LoopbackHttpServer();

    /** The example scripts, all of them (the test fails in CI if the package ships none). */
    static Stream<String> examples() throws IOException {
        ExternalTools.requireFile(EXAMPLES, "wrk");
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".lua"))
                    .sorted().toList();
            assertTrue(names.size() >= 9, "wrk's examples: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void printsWhatRealWrkPrints(String script) throws Exception {
        Path wrk = ExternalTools.require("wrk");
        List<String> args = List.of("-t2", "-c4", "-d1s", "-s", EXAMPLES.resolve(script).toString(),
                SERVER.url("/"));
        List<String> command = new ArrayList<>(List.of(wrk.toString()));
        command.addAll(args);
        Process real = new ProcessBuilder(command).start();
        String realOut = new String(real.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String realErr = new String(real.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(real.waitFor(30, TimeUnit.SECONDS), script);

        List<String> ours = new ArrayList<>(List.of("wrk", "--jit-warmup", "0"));
        ours.addAll(args);
        CliTestSupport.Run run = CliTestSupport.execute(ours.toArray(String[]::new));

        String both = script + "\nwrk:\n" + realOut + realErr + "\nnetbench wrk:\n" + run.out() + run.err();
        assertEquals(real.exitValue(), run.exitCode(), both);
        assertEquals(shape(realOut), shape(run.out()), both);
        assertEquals(statsLines(realOut), statsLines(run.out()), both);
        assertEquals(mask(realErr), mask(run.err()), both);
    }

    /** The output with digits masked and wrk's stats block (Thread Stats to Transfer/sec) as one line. */
    static List<String> shape(String output) {
        List<String> lines = new ArrayList<>();
        boolean inStats = false;
        for (String line : output.lines().toList()) {
            if (line.startsWith("  Thread Stats")) {
                inStats = true;
                lines.add("[wrk's stats]");
            } else if (!inStats) {
                lines.add(mask(line));
            }
            if (line.startsWith("Transfer/sec:")) {
                inStats = false;
            }
        }
        return lines;
    }

    /** The kinds of line wrk's stats block has: "Latency", "requests in", "Non-2xx or 3xx responses". */
    private static List<String> statsLines(String output) {
        int start = output.indexOf("  Thread Stats");
        int end = output.indexOf("Transfer/sec:");
        assertTrue(start >= 0 && end > start, output);
        return output.substring(start, end).lines().map(l -> l.replaceAll("(-?nan|-?inf|[\\d.]+)[a-zA-Z%]*", "").trim()
                .replaceAll(" +", " ")).filter(l -> !l.startsWith("Socket errors")).toList();
    }

    private static String mask(String text) {
        return text.replaceAll("\\d+", "N");
    }
}
