package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.cli.CliTestSupport.Run;
import io.netbench.core.testing.ExternalTools;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * podman as the container tests run it on this kind of machine: with runc (crun fails here on
 * hybrid cgroups) and rlimits within the machine's hard limits, which podman's defaults exceed.
 * Every container it starts is named {@code nbtest-NAME-PID} and removed by {@link #removeAll()}.
 */
final class Podman {
    /** The options every {@code podman run} here needs. */
    private static final List<String> RUN = List.of("run", "--runtime", "runc", "--ulimit", "nofile=20000:20000",
            "--ulimit", "nproc=1024:1024");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final String podman;
    private final Set<String> containers = new LinkedHashSet<>();

    private Podman(String podman) {
        this.podman = podman;
    }

    /** podman and runc, working: skips the test when they are not (fails it in CI). */
    static Podman require() throws IOException, InterruptedException {
        Podman p = new Podman(ExternalTools.require("podman").toString());
        ExternalTools.require("runc");
        Run info = p.exec("info");
        if (info.exitCode() != 0) {
            ExternalTools.missing("podman does not work here: " + info.err().lines().findFirst().orElse(""));
        }
        return p;
    }

    /** {@code podman ARGS}, as it ended. */
    Run exec(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(podman));
        command.addAll(List.of(args));
        return CliTestSupport.exec(TIMEOUT, command);
    }

    /** {@code podman ARGS}, which must succeed; its stdout, trimmed. */
    String check(String... args) throws IOException, InterruptedException {
        Run run = exec(args);
        assertEquals(0, run.exitCode(), "podman " + String.join(" ", args) + ": " + run.err());
        return run.out().trim();
    }

    /** A container's name for this test run. */
    static String name(String role) {
        return "nbtest-" + role + "-" + ProcessHandle.current().pid();
    }

    /** {@code podman run} with {@code options}, the image and {@code command}: in the background when {@code -d} is among the options. */
    Run run(String name, List<String> options, String image, String... command) throws IOException, InterruptedException {
        containers.add(name);
        List<String> args = new ArrayList<>(RUN);
        args.addAll(List.of("--name", name));
        args.addAll(options);
        args.add(image);
        args.addAll(List.of(command));
        return exec(args.toArray(String[]::new));
    }

    /** Waits until a container's log (stdout and stderr) has a line containing {@code text}; returns the log. */
    String awaitLog(String name, String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Run logs = exec("logs", name);
            String all = logs.out() + logs.err();
            if (all.contains(text)) {
                return all;
            }
            if (System.nanoTime() > deadline || !check("inspect", name, "--format", "{{.State.Status}}").equals("running")) {
                throw new AssertionError(name + " never printed '" + text + "': " + all);
            }
            Thread.sleep(200);
        }
    }

    /** Removes (by name, by force) every container this instance started. */
    void removeAll() throws IOException, InterruptedException {
        for (String name : containers) {
            exec("rm", "-f", "--ignore", name);
        }
        containers.clear();
    }
}
