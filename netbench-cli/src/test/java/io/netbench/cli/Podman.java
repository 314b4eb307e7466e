package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netbench.cli.CliTestSupport.Run;
import io.netbench.core.testing.ExternalTools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * podman as the container tests run it on this kind of machine: with runc (crun fails here on
 * hybrid cgroups) and rlimits within the machine's hard limits, which podman's defaults exceed.
 * Every container it starts is named {@code nbtest-NAME-PID} and removed by {@link #removeAll()}.
 */
final class Podman {
    /** The image the tests build and run. */
    static final String IMAGE = "netbench:latest";
    /** The options every {@code podman run} here needs. */
    private static final List<String> RUN = List.of("run", "--runtime", "runc", "--ulimit", "nofile=20000:20000",
            "--ulimit", "nproc=1024:1024");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final String podman;
    /** Options before every command: another store's {@code --root} and {@code --runroot}, or none. */
    private final List<String> global;
    private final Set<String> containers = new LinkedHashSet<>();
    /** The image {@link #buildImage} made, where it was not there before; null otherwise. */
    private String builtImage;

    private Podman(String podman, List<String> global) {
        this.podman = podman;
        this.global = global;
    }

    /** The same podman on a store of its own under {@code dir} (images and containers), empty at first. */
    Podman inStore(Path dir) {
        return new Podman(podman, List.of("--root", dir.resolve("root").toString(), "--runroot",
                dir.resolve("run").toString()));
    }

    /** podman and runc, working: skips the test when they are not (fails it in CI). */
    static Podman require() throws IOException, InterruptedException {
        Podman p = new Podman(ExternalTools.require("podman").toString(), List.of());
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
        command.addAll(global);
        command.addAll(List.of(args));
        return CliTestSupport.exec(TIMEOUT, command);
    }

    /**
     * {@code podman kube ARGS} with the same runtime and rlimits as {@link #run}: {@code kube play}
     * takes neither as an option, so they go in a containers.conf written to {@code dir}.
     */
    Run kube(Path dir, String... args) throws IOException, InterruptedException {
        Path conf = dir.resolve("containers.conf");
        Files.writeString(conf, "[containers]\ndefault_ulimits = [\"nofile=20000:20000\", \"nproc=1024:1024\"]\n"
                + "[engine]\nruntime = \"runc\"\n");
        List<String> command = new ArrayList<>(List.of(podman, "kube"));
        command.addAll(List.of(args));
        return CliTestSupport.exec(TIMEOUT, command, Map.of("CONTAINERS_CONF", conf.toAbsolutePath().toString()));
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

    /**
     * {@code bin/build-image --jar JAR OPTIONS}: the image {@code netbench:latest} from the jar just
     * packaged, offline; {@link #removeAll()} removes it again unless it was there before.
     */
    void buildImage(Path root, Path jar, String... options) throws IOException, InterruptedException {
        boolean wasThere = exec("image", "exists", IMAGE).exitCode() == 0;
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/build-image").toString(), "--jar",
                jar.toString()));
        command.addAll(List.of(options));
        Run build = CliTestSupport.exec(TIMEOUT, command);
        assertEquals(0, build.exitCode(), build.err());
        builtImage = wasThere ? null : IMAGE;
    }

    /** Removes (by name, by force) every container this instance started, and the image it built. */
    void removeAll() throws IOException, InterruptedException {
        for (String name : containers) {
            exec("rm", "-f", "--ignore", name);
        }
        containers.clear();
        if (builtImage != null) {
            String id = exec("image", "inspect", builtImage, "--format", "{{.Id}}").out().trim();
            if (!id.isEmpty()) {
                exec("rmi", "--force", id);
            }
            builtImage = null;
        }
    }

    /** {@code n} distinct ports that were free a moment ago, for {@code -p} or a hostPort. */
    static int[] freePorts(int n) throws IOException {
        int[] free = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                free[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return free;
    }
}
