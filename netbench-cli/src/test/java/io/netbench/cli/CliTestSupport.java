package io.netbench.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs the netbench command line, or any command, with captured stdout and stderr. */
final class CliTestSupport {
    private CliTestSupport() {
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = NetbenchCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Runs {@code command} as a process of its own; one that has not ended after {@code timeout} is killed and fails. */
    static Run exec(Duration timeout, List<String> command) throws IOException, InterruptedException {
        return exec(timeout, command, Map.of());
    }

    /** As {@link #exec(Duration, List)}, with {@code env} added to this process's environment. */
    static Run exec(Duration timeout, List<String> command, Map<String, String> env) throws IOException,
            InterruptedException {
        Path out = Files.createTempFile("netbench-test", ".out");
        Path err = Files.createTempFile("netbench-test", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not end within " + timeout + ": " + Files.readString(err));
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The java of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code java [jvmOptions] -cp CLASSPATH io.netbench.cli.Main}, to which a test adds the command's
     * arguments: netbench in a JVM of its own, on this JVM's class path without the test-only SLF4J
     * API (ArchUnit's). netbench.jar has no SLF4J, so Netty logs through java.util.logging; with
     * the API and no provider, Netty would log through SLF4J, which prints three lines of warnings
     * on stderr.
     */
    static List<String> netbenchJvm(String... jvmOptions) {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath, Main.class.getName()));
        return command;
    }
}
