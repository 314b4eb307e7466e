package io.netbench.cli;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.TestResult;
import io.netbench.core.TransportType;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netbench compare --target host=10.0.0.1 --target runc=svc-a:19765 tcp_bw tcp_lat}: runs the
 * same qperf sweep against each labelled target in turn and prints the report comparing them.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run one qperf sweep against several labelled targets in turn and print the comparison.",
            "Example: netbench compare --target host=10.0.0.1 --target kata=svc:19765 -oo msg_size:1:256K:*64 tcp_bw tcp_lat"})
final class CompareCommand implements Callable<Integer> {
    /** As netbench qperf's default --jit-warmup. */
    private static final Duration WARMUP = Duration.ofMillis(500);

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "NAME=HOST[:PORT]", required = true,
            description = "A labelled netbench or qperf server (port default 19765); repeat, the first is the baseline.")
    private List<String> targets;

    @Parameters(paramLabel = "TEST", arity = "1..*", description = "qperf tests, e.g. tcp_bw tcp_lat.")
    private List<String> tests;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds per test (default 2).")
    private int seconds = 2;

    @Option(names = {"-oo", "--loop"}, paramLabel = "msg_size:INIT:LAST:INCR", description = "Message sizes to sweep.")
    private String loop;

    @Option(names = "--format", paramLabel = "md|html", description = "Report format (default md).")
    private String format = "md";

    @Option(names = "--save", paramLabel = "DIR", description = "Also save each target's results as DIR/NAME.json.")
    private Path save;

    @Mixin
    private TransportOption transport;

    /** The test kinds whose loop this JVM has run already: each warms up once, before the first target's. */
    private final Set<QperfTest> warmed = new HashSet<>();

    @Override
    public Integer call() throws QperfException, IOException {
        List<QperfTest> plan = tests.stream().map(QperfTest::fromName).toList();
        List<Long> sizes = loop == null ? List.of(0L) : QperfLoop.parse(loop).values();
        if (seconds < 1) {
            throw new IllegalArgumentException("-t " + seconds + ": expected at least 1 second");
        }
        TransportType type = transport.select(spec.commandLine().getErr());
        List<String> args = new ArrayList<>(List.of("report", "--format", format));
        for (String target : targets) {
            String[] nameHost = target.split("=", 2);
            if (nameHost.length != 2 || nameHost[0].isBlank() || nameHost[1].isBlank()) {
                throw new IllegalArgumentException("--target " + target + ": expected NAME=HOST[:PORT]");
            }
            RunResult run = measure(nameHost[1], plan, sizes, type);
            Path dir = save != null ? save : Files.createTempDirectory("netbench-compare");
            Files.createDirectories(dir);
            Path file = dir.resolve(nameHost[0] + ".json");
            Files.writeString(file, ResultJson.write(run));
            args.add(file.toString());
            spec.commandLine().getErr().println("compare: " + nameHost[0] + " done");
        }
        CommandLine report = new CommandLine(new ReportCommand());
        report.setOut(spec.commandLine().getOut());
        report.setErr(spec.commandLine().getErr());
        return report.execute(args.subList(1, args.size()).toArray(String[]::new));
    }

    private RunResult measure(String target, List<QperfTest> plan, List<Long> sizes, TransportType type)
            throws QperfException {
        String host = target;
        int port = QperfServer.DEFAULT_PORT;
        int colon = target.lastIndexOf(':');
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            host = target.substring(1, Math.max(1, close));
            port = close > 0 && close + 1 < target.length() ? port(target, target.substring(close + 2)) : port;
        } else if (colon > 0 && target.indexOf(':') == colon) {
            host = target.substring(0, colon);
            port = port(target, target.substring(colon + 1));
        }
        List<TestResult> results = new ArrayList<>();
        Instant start = Instant.now();
        for (QperfTest test : plan) {
            for (long size : sizes) {
                results.add(QperfClient.to(host, port).test(test).msgSize(size).time(Duration.ofSeconds(seconds))
                        .transport(type).jitWarmup(warmed.add(test) ? WARMUP : Duration.ZERO).run()
                        .toTestResult(type.displayName()));
            }
        }
        return new RunResult("compare", start, List.of("compare", target), results);
    }

    private static int port(String target, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--target " + target + ": bad port " + text);
        }
    }
}
