package io.netbench.cli;

import io.netbench.cli.format.IntervalLines;
import io.netbench.cli.format.QperfOutput;
import io.netbench.cli.format.QperfParam;
import io.netbench.cli.format.QperfStep;
import io.netbench.core.NetbenchException;
import io.netbench.core.Ports;
import io.netbench.core.TestResult;
import io.netbench.core.Thresholds;
import io.netbench.core.TransportType;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfConf;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netbench qperf HOST [options] TEST...}: qperf's client, with qperf's options and output.
 * Against a netbench server every test runs through the one listen port; against a real qperf
 * daemon the classic second port is used. Each test runs once per step ({@link QperfStepOptions}),
 * through the library's {@link QperfClient}; each result is printed as qperf prints it
 * ({@link QperfOutput}) or gathered into one JSON document.
 */
@Command(name = "qperf", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run qperf tests (tcp_bw, tcp_lat, udp_bw, udp_lat, conf, quit) against a netbench or qperf"
                + " server, printing qperf's output.",
            "Example: netbench qperf 10.0.0.1 -oo msg_size:1:256K:*64 -vu tcp_bw tcp_lat"})
final class QperfCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "HOST TEST", arity = "1..*", description = "The server, then the tests to run.")
    private List<String> arguments;

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "The server (instead of the first argument).")
    private String hostOption;

    @Option(names = {"-lp", "--listen_port"}, paramLabel = "PORT", description = "Server's listen port (default 19765).")
    private int port = QperfServer.DEFAULT_PORT;

    @Mixin
    private QperfStepOptions stepOptions;

    @Option(names = {"-ws", "--wait_server"}, paramLabel = "TIME",
            description = "Keep trying to reach the server this long (default 5).")
    private String waitServer = "5";

    @Mixin
    private QperfTextOptions text;

    @Mixin
    private UnusedOptions unused;

    @Option(names = {"-P", "--parallel"}, paramLabel = "N", description = "Parallel streams for bandwidth tests"
            + " (netbench server).")
    private int streams = 1;

    @Option(names = {"-R", "--reverse"}, description = "tcp_bw: the server sends, this side receives (netbench server).")
    private boolean reverse;

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS", description = "Bandwidth tests: report every"
            + " SECONDS (whole seconds), per stream and summed, as iperf3 does; in --json as intervals.")
    private int interval;

    @Option(names = "--classic", description = "Use qperf's second data port even with a netbench server.")
    private boolean classic;

    @Option(names = "--jit-warmup", paramLabel = "T", description = "Before the first test of each kind, run its loop"
            + " this long against a peer in this process, so the JIT has compiled it; the server sees none of it"
            + " (default 500ms, 0 for none).")
    private String jitWarmup = "500ms";

    @Mixin
    private TransportOption transport;

    @Mixin
    private ResultOptions results;

    @Mixin
    private FailOnOption failOn;

    /** What to run: the tests at each step against one server, and how to print them. */
    private record Plan(String host, List<QperfTest> tests, List<QperfStep> steps, QperfOutput output,
                        Duration waitServer, TransportType transport, Duration jitWarmup) {
    }

    @Override
    public Integer call() throws NetbenchException {
        Plan plan = plan();
        Thresholds gate = failOn.thresholds();
        for (QperfTest test : plan.tests()) {
            plan.steps().forEach(step -> client(plan, test, step).validate());
        }
        PrintWriter out = results.open(spec);
        List<TestResult> measured = new ArrayList<>();
        Instant started = Instant.now();
        Set<QperfTest> warmed = EnumSet.noneOf(QperfTest.class);
        for (QperfTest test : plan.tests()) {
            for (QperfStep step : plan.steps()) {
                print(out, test.qperfName() + ":\n");
                UnusedOptions.warnings(spec.commandLine().getParseResult(), test)
                        .forEach(results.notices(spec, out)::println);
                out.flush();
                QperfResult result = client(plan, test, step)
                        .jitWarmup(warmed.add(test) ? plan.jitWarmup() : Duration.ZERO).run();
                if (test == QperfTest.CONF) {
                    print(out, QperfOutput.renderConf(plan.output().format(), QperfConf.local(), result.remoteConf()));
                } else if (test.isSocketTest()) {
                    TestResult shared = withIntervals(result.toTestResult(plan.transport().displayName()), result);
                    shared.intervals().forEach(i -> print(out, IntervalLines.qperf(plan.output().format(), i) + "\n"));
                    print(out, plan.output().render(result, step));
                    measured.add(gate.check(shared));
                }
            }
        }
        if (results.json()) {
            results.writeJson(out, spec, started, measured);
        }
        results.commit();
        return failOn.report(spec.commandLine().getErr(), "qperf", measured,
                r -> r.test() + " " + String.join(" ", r.params().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()) + ": ");
    }

    private TestResult withIntervals(TestResult shared, QperfResult result) {
        return interval == 0 ? shared : shared.toBuilder().intervals(result.intervals(interval)).build();
    }

    /** qperf's text, as it comes (nothing with --json, which prints one document at the end). */
    private void print(PrintWriter out, String text) {
        if (!results.json()) {
            out.print(text);
            out.flush();
        }
    }

    /**
     * Reads the command line into a plan.
     *
     * @throws IllegalArgumentException naming the first option qperf would not take
     */
    private Plan plan() {
        List<String> args = new ArrayList<>(arguments);
        String host = hostOption != null ? hostOption : args.remove(0);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no tests given (e.g. tcp_bw tcp_lat)");
        }
        List<QperfTest> tests = args.stream().map(QperfTest::fromName).toList();
        Ports.checkConnect("-lp", port);
        if (interval < 0) {
            throw new IllegalArgumentException("-i " + interval + ": must be at least 1 second (0 for none)");
        }
        QperfOutput output = text.output();
        List<QperfStep> steps = stepOptions.steps(spec.commandLine().getParseResult());
        Duration warmup = OptionValues.wrkDuration("--jit-warmup", jitWarmup);
        return new Plan(host, tests, steps, output, Duration.ofSeconds(OptionValues.qperfSeconds("-ws", waitServer)),
                transport.select(spec.commandLine().getErr()), warmup);
    }

    /** The library's client for {@code test} at {@code step}. */
    private QperfClient client(Plan plan, QperfTest test, QperfStep step) {
        return QperfClient.to(plan.host(), port).test(test).msgSize(step.local(QperfParam.MSG_SIZE))
                .time(Duration.ofSeconds(step.local(QperfParam.TIME)))
                .timeout(Duration.ofSeconds(step.local(QperfParam.TIMEOUT)))
                .sockBufSize(step.local(QperfParam.SOCK_BUF_SIZE), step.remote(QperfParam.SOCK_BUF_SIZE))
                .dataPort((int) step.local(QperfParam.PORT)).accessRecv(step.local(QperfParam.ACCESS_RECV) != 0)
                .cpuAffinity((int) step.local(QperfParam.AFFINITY) - 1, (int) step.remote(QperfParam.AFFINITY) - 1)
                .onePort(!classic).streams(streams).reverse(reverse && test == QperfTest.TCP_BW)
                .waitServer(plan.waitServer()).transport(plan.transport());
    }
}
