package io.netbench.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real C tools (qperf, wrk, nginx, ip, luajit) and the files of their packages that interop
 * tests run against.
 *
 * <p>On a developer machine a missing tool skips the test with the reason. In CI
 * ({@code NETBENCH_REQUIRE_INTEROP=true}, set by {@code .ci/run}) a missing tool fails it, so a
 * broken install step can never turn into a silently green run.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** The absolute path of {@code name}, or the test is skipped (failed in CI) when absent. */
    public static Path require(String name) {
        Optional<Path> path = find(name);
        if (path.isEmpty()) {
            missing(name + " is not installed (apt-get install " + name + ")");
        }
        return path.get();
    }

    /** {@code path}, a file or directory that Debian's package {@code pkg} installs, or the test is skipped (failed in CI). */
    public static Path requireFile(Path path, String pkg) {
        if (!Files.exists(path)) {
            missing(path + " is missing (apt-get install " + pkg + ")");
        }
        return path;
    }

    /** Skips the test because something it needs is missing or does not work here, saying why; fails it in CI. */
    public static void missing(String why) {
        if (Boolean.parseBoolean(System.getenv("NETBENCH_REQUIRE_INTEROP"))) {
            fail(why);
        }
        assumeTrue(false, why);
    }

    /**
     * Runs a command (ip, tc, iptables) to its end.
     *
     * @return {@code null} when it succeeded, else the command and its output
     */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? null : String.join(" ", command) + ": " + out;
    }

    /** {@code name} on the PATH or in the sbin directories, if present. */
    public static Optional<Path> find(String name) {
        String searchPath = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin";
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
