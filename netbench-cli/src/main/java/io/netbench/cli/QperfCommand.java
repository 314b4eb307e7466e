package io.netbench.cli;

import io.netbench.cli.format.QperfFormat;
import io.netbench.cli.format.QperfOutput;
import io.netbench.cli.format.QperfParam;
import io.netbench.cli.format.QperfStep;
import io.netbench.core.Durations;
import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.Sizes;
import io.netbench.core.TestResult;
import io.netbench.core.TransportType;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfConf;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netbench qperf HOST [options] TEST...}: qperf's client, with qperf's options and output.
 * Against a netbench server every test runs through the one listen port; against a real qperf
 * daemon the classic second port is used.
 */
@Command(name = "qperf", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run qperf tests (tcp_bw, tcp_lat, udp_bw, udp_lat, conf, quit) against a netbench or qperf"
                + " server, printing qperf's output.",
            "Example: netbench qperf 10.0.0.1 -oo msg_size:1:256K:*64 -vu tcp_bw tcp_lat"})
final class QperfCommand implements Callable<Integer> {
    /** qperf counts CPUs from 1; Linux's CPU sets hold 1024. */
    private static final int MAX_CPU = 1024;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "HOST TEST", arity = "1..*", description = "The server, then the tests to run.")
    private List<String> arguments;

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "The server (instead of the first argument).")
    private String hostOption;

    @Option(names = {"-lp", "--listen_port"}, paramLabel = "PORT", description = "Server's listen port (default 19765).")
    private int port = QperfServer.DEFAULT_PORT;

    @Option(names = {"-t", "--time"}, paramLabel = "TIME", description = "Test duration: 2, 10s, 1m (default 2).")
    private String time = "2";

    @Option(names = {"-m", "--msg_size"}, paramLabel = "SIZE", description = "Message size: 1, 64, 4K, 1M.")
    private String msgSize;

    @Option(names = {"-oo", "--loop"}, paramLabel = "VAR:INIT:LAST:INCR",
            description = "Repeat each test over values, e.g. msg_size:1:256K:*64.")
    private List<String> loops = new ArrayList<>();

    @Option(names = {"-to", "--timeout"}, paramLabel = "TIME", description = "Per-step timeout (default 5).")
    private String timeout = "5";

    @Option(names = {"-ws", "--wait_server"}, paramLabel = "TIME",
            description = "Keep trying to reach the server this long (default 5).")
    private String waitServer = "5";

    @Option(names = {"-ca", "--cpu_affinity"}, paramLabel = "CPU",
            description = "Pin both sides to this CPU, counted from 1 as qperf does (0 = any).")
    private Integer cpuAffinity;

    @Option(names = {"-lca", "--loc_cpu_affinity"}, paramLabel = "CPU", description = "Pin this side to this CPU.")
    private Integer localCpuAffinity;

    @Option(names = {"-rca", "--rem_cpu_affinity"}, paramLabel = "CPU", description = "Pin the server to this CPU.")
    private Integer remoteCpuAffinity;

    @Option(names = {"-sb", "--sock_buf_size"}, paramLabel = "SIZE", description = "Socket buffer size, both sides.")
    private String sockBufSize;

    @Option(names = {"-lsb", "--loc_sock_buf_size"}, paramLabel = "SIZE", description = "Local socket buffer size.")
    private String localSockBufSize;

    @Option(names = {"-rsb", "--rem_sock_buf_size"}, paramLabel = "SIZE", description = "Remote socket buffer size.")
    private String remoteSockBufSize;

    @Option(names = {"-ip", "--ip_port"}, paramLabel = "PORT", description = "Data port a qperf server should use.")
    private int dataPort;

    @Option(names = {"-ar", "--access_recv"}, paramLabel = "0|1", description = "Server touches received data.")
    private int accessRecv;

    @Option(names = "-ar1", description = "Same as -ar 1.")
    private boolean accessRecv1;

    @Option(names = {"-e", "--precision"}, paramLabel = "DIGITS", description = "Significant digits (default 3).")
    private int precision = QperfFormat.DEFAULT_PRECISION;

    @Option(names = {"-uu", "--unify_units"}, description = "Show base units, no commas.")
    private boolean unifyUnits;

    @Option(names = {"-un", "--unify_nodes"}, description = "Show loc_/rem_ rather than send_/recv_.")
    private boolean unifyNodes;

    @Option(names = {"-ub", "--use_bits_per_sec"}, description = "Bandwidth in bits per second.")
    private boolean bits;

    @Option(names = {"-v", "--verbose"}, description = "More output (= -vc -vs -vt -vu).")
    private boolean v;
    @Option(names = {"-vc", "--verbose_conf"}, description = "Show configuration.")
    private boolean vc;
    @Option(names = {"-vs", "--verbose_stat"}, description = "Show statistics.")
    private boolean vs;
    @Option(names = {"-vt", "--verbose_time"}, description = "Show times and CPU.")
    private boolean vt;
    @Option(names = {"-vu", "--verbose_used"}, description = "Show the parameters set.")
    private boolean vu;
    @Option(names = {"-vv", "--verbose_more"}, description = "Even more output.")
    private boolean vv;
    @Option(names = {"-vvc", "--verbose_more_conf"}, hidden = true)
    private boolean vvc;
    @Option(names = {"-vvs", "--verbose_more_stat"}, description = "More statistics.")
    private boolean vvs;
    @Option(names = {"-vvt", "--verbose_more_time"}, description = "More times and CPU.")
    private boolean vvt;
    @Option(names = {"-vvu", "--verbose_more_used"}, description = "Show every parameter used.")
    private boolean vvu;

    @Option(names = {"-n", "--no_msgs"}, hidden = true, description = "Accepted, as by qperf; no socket test uses it.")
    private Long noMsgs;

    @Option(names = {"-f", "--flip"}, hidden = true, description = "Accepted, as by qperf; no socket test uses it.")
    private Integer flip;

    @Option(names = "-f1", hidden = true)
    private boolean flip1;

    @Option(names = "--percentiles", description = "Add p50/p90/p99/p99.9/p99.99/max rows to latency tests.")
    private boolean percentiles;

    @Option(names = {"-P", "--parallel"}, paramLabel = "N", description = "Parallel streams for bandwidth tests"
            + " (netbench server).")
    private int streams = 1;

    @Option(names = {"-R", "--reverse"}, description = "tcp_bw: the server sends, this side receives (netbench server).")
    private boolean reverse;

    @Option(names = "--classic", description = "Use qperf's second data port even with a netbench server.")
    private boolean classic;

    @Option(names = "--json", description = "Print one JSON document with every result instead of text.")
    private boolean json;

    @Option(names = "--jit-warmup", paramLabel = "T", description = "Before the first test of each kind, run its loop"
            + " this long against a peer in this process, so the JIT has compiled it; the server sees none of it"
            + " (default 500ms, 0 for none).")
    private String jitWarmup = "500ms";

    @Mixin
    private TransportOption transport;

    @Mixin
    private LabelOption labels;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() throws QperfException {
        Plan plan = plan();
        for (QperfTest test : plan.tests) {
            plan.steps.forEach(step -> step.client(plan, test).validate());
        }
        Map<String, String> runLabels = labels.labels();
        PrintWriter out = output.open(spec);
        QperfFormat format = new QperfFormat(precision, unifyUnits, bits);
        List<TestResult> results = new ArrayList<>();
        Instant started = Instant.now();
        Set<QperfTest> warmed = new HashSet<>();
        for (QperfTest test : plan.tests) {
            for (Step step : plan.steps) {
                if (!json) {
                    out.println(test.qperfName() + ":");
                }
                UnusedOptions.warnings(spec.commandLine().getParseResult(), test)
                        .forEach(json ? spec.commandLine().getErr()::println : out::println);
                out.flush();
                QperfClient client = step.client(plan, test)
                        .jitWarmup(warmed.add(test) ? plan.jitWarmup : Duration.ZERO);
                QperfResult result = client.run();
                if (test == QperfTest.CONF) {
                    print(out, QperfOutput.renderConf(format, QperfConf.local(), result.remoteConf()));
                } else if (test.isSocketTest()) {
                    print(out, new QperfOutput(format, verbosity(), unifyNodes, percentiles).render(result, step.asked()));
                    results.add(result.toTestResult(plan.transport.displayName()));
                }
            }
        }
        if (json) {
            out.println(ResultJson.write(RunResult.of(started, spec.commandLine().getParseResult().originalArgs(),
                    runLabels, results)));
        }
        out.flush();
        output.commit();
        return 0;
    }

    private void print(PrintWriter out, String block) {
        if (!json) {
            out.print(block);
            out.flush();
        }
    }

    private QperfOutput.Verbosity verbosity() {
        int all = vv ? 2 : v ? 1 : 0;
        return new QperfOutput.Verbosity(level(all, vc, vvc), level(all, vs, vvs), level(all, vt, vvt),
                level(all, vu, vvu));
    }

    private static int level(int all, boolean one, boolean two) {
        return Math.max(all, two ? 2 : one ? 1 : 0);
    }

    /** What to run: the host, the tests, and one step per combination of loop values. */
    private record Plan(String host, List<QperfTest> tests, List<Step> steps, Duration waitServer,
                        TransportType transport, Duration jitWarmup) {
    }

    private Plan plan() {
        List<String> args = new ArrayList<>(arguments);
        String host = hostOption != null ? hostOption : args.remove(0);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no tests given (e.g. tcp_bw tcp_lat)");
        }
        List<QperfTest> tests = args.stream().map(QperfTest::fromName).toList();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("-lp " + port + ": expected a port 1..65535");
        }
        if (precision < 1 || precision > 15) {
            throw new IllegalArgumentException("-e " + precision + ": expected 1..15 significant digits");
        }
        Step base = new Step(Sizes.parseQperf(sockBuf(localSockBufSize)), Sizes.parseQperf(sockBuf(remoteSockBufSize)),
                msgSize == null ? 0 : Sizes.parseQperf(msgSize), seconds("-t", time), seconds("-to", timeout),
                userSet());
        checkAffinity("-ca", cpuAffinity);
        checkAffinity("-lca", localCpuAffinity);
        checkAffinity("-rca", remoteCpuAffinity);

        List<Step> steps = List.of(base);
        for (String spec : loops) {
            QperfLoop loop = QperfLoop.parse(spec);
            List<Step> next = new ArrayList<>();
            for (Step s : steps) {
                for (long value : loop.values()) {
                    next.add(s.with(loop.variable(), value));
                }
            }
            steps = next;
        }
        Duration warmup;
        try {
            warmup = Durations.parseWrk(jitWarmup);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jit-warmup " + e.getMessage());
        }
        return new Plan(host, tests, steps, Duration.ofSeconds(seconds("-ws", waitServer)),
                transport.select(spec.commandLine().getErr()), warmup);
    }

    private static void checkAffinity(String option, Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(option + " requires a non-negative number");
        }
        if (value != null && value > MAX_CPU) {
            throw new IllegalArgumentException(option + " " + value + ": expected a CPU 1.." + MAX_CPU + " (0 = any)");
        }
    }

    /** qperf's affinity for one side (CPU counted from 1, 0 = any): the side's own option, else -ca. */
    private long affinity(Integer side) {
        return side != null ? side : cpuAffinity != null ? cpuAffinity : 0;
    }

    private String sockBuf(String side) {
        return side != null ? side : sockBufSize != null ? sockBufSize : "0";
    }

    private static long seconds(String option, String text) {
        try {
            return Durations.parseQperf(text).toSeconds();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage());
        }
    }

    private Set<String> userSet() {
        Set<String> set = new HashSet<>();
        if (msgSize != null) {
            set.add("msg_size");
        }
        if (sockBufSize != null || localSockBufSize != null || remoteSockBufSize != null) {
            set.add("sock_buf_size");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("-t")) {
            set.add("time");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("-to")) {
            set.add("timeout");
        }
        if (dataPort != 0) {
            set.add("port");
        }
        if (accessRecv != 0 || accessRecv1) {
            set.add("access_recv");
        }
        if (cpuAffinity != null || localCpuAffinity != null || remoteCpuAffinity != null) {
            set.add("affinity");
        }
        for (String loop : loops) {
            set.add(QperfLoop.VARIABLES.getOrDefault(loop.split(":")[0].isEmpty() ? "msg_size" : loop.split(":")[0], ""));
        }
        return set;
    }

    /** One run's parameters: the base options, with loop variables applied. */
    private final class Step {
        private final long localSockBuf;
        private final long remoteSockBuf;
        private final long size;
        private final long seconds;
        private final long timeoutSeconds;
        private final Set<String> userSet;

        Step(long localSockBuf, long remoteSockBuf, long size, long seconds, long timeoutSeconds, Set<String> userSet) {
            this.localSockBuf = localSockBuf;
            this.remoteSockBuf = remoteSockBuf;
            this.size = size;
            this.seconds = seconds;
            this.timeoutSeconds = timeoutSeconds;
            this.userSet = userSet;
        }

        Step with(String variable, long value) {
            return switch (variable) {
                case "msg_size" -> new Step(localSockBuf, remoteSockBuf, value, seconds, timeoutSeconds, userSet);
                case "time" -> new Step(localSockBuf, remoteSockBuf, size, value, timeoutSeconds, userSet);
                default -> new Step(value, value, size, seconds, timeoutSeconds, userSet);
            };
        }

        QperfClient client(Plan plan, QperfTest test) {
            return QperfClient.to(plan.host, port).test(test).msgSize(size).time(Duration.ofSeconds(seconds))
                    .timeout(Duration.ofSeconds(timeoutSeconds)).sockBufSize(localSockBuf, remoteSockBuf)
                    .dataPort(dataPort).accessRecv(accessRecv != 0 || accessRecv1).onePort(!classic)
                    .streams(streams).reverse(reverse && test == QperfTest.TCP_BW)
                    .waitServer(plan.waitServer).transport(plan.transport)
                    .cpuAffinity((int) affinity(localCpuAffinity) - 1, (int) affinity(remoteCpuAffinity) - 1);
        }

        QperfStep asked() {
            return QperfStep.NONE.with(QperfParam.TIMEOUT, timeoutSeconds).with(QperfParam.PORT, dataPort)
                    .with(QperfParam.SOCK_BUF_SIZE, localSockBuf, remoteSockBuf)
                    .with(QperfParam.ACCESS_RECV, accessRecv != 0 || accessRecv1 ? 1 : 0)
                    .with(QperfParam.AFFINITY, affinity(localCpuAffinity), affinity(remoteCpuAffinity))
                    .setByUser(userSet.stream().map(name -> QperfParam.valueOf(name.toUpperCase(Locale.ROOT)))
                            .collect(Collectors.toSet()));
        }
    }
}
