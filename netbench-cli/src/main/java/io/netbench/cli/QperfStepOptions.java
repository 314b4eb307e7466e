package io.netbench.cli;

import io.netbench.cli.format.QperfParam;
import io.netbench.cli.format.QperfStep;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The qperf options that say what each test asks of the run (its size, time, timeout, socket
 * buffers, CPUs, data port, access_recv) and the {@code -oo} loops over them: {@link #steps} is one
 * {@link QperfStep} per combination of loop values, in qperf's order. A picocli mixin of
 * {@code netbench qperf}.
 */
final class QperfStepOptions {
    /** qperf counts CPUs from 1; Linux's CPU sets hold 1024. */
    private static final int MAX_CPU = 1024;
    /** The options that set each parameter: a parameter is the user's when one of them was given. */
    private static final Map<QperfParam, List<String>> SET_BY = Map.of(QperfParam.ACCESS_RECV, List.of("-ar", "-ar1"),
            QperfParam.AFFINITY, List.of("-ca", "-lca", "-rca"), QperfParam.MSG_SIZE, List.of("-m"),
            QperfParam.PORT, List.of("-ip"), QperfParam.SOCK_BUF_SIZE, List.of("-sb", "-lsb", "-rsb"),
            QperfParam.TIME, List.of("-t"), QperfParam.TIMEOUT, List.of("-to"));

    @Option(names = {"-t", "--time"}, paramLabel = "TIME", description = "Test duration: 2, 10s, 1m (default 2).")
    private String time = "2";

    @Option(names = {"-m", "--msg_size"}, paramLabel = "SIZE", description = "Message size: 1, 64, 4K, 1M.")
    private String msgSize;

    @Option(names = {"-oo", "--loop"}, paramLabel = "VAR:INIT:LAST:INCR",
            description = "Repeat each test over values, e.g. msg_size:1:256K:*64.")
    private List<String> loops = new ArrayList<>();

    @Option(names = {"-to", "--timeout"}, paramLabel = "TIME", description = "Per-step timeout (default 5).")
    private String timeout = "5";

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

    /**
     * The steps to run each test at: the options' values, then each loop's values in turn.
     *
     * @param parsed the command line, for which parameters the user set
     * @throws IllegalArgumentException naming an option whose value qperf would not take
     */
    List<QperfStep> steps(ParseResult parsed) {
        checkCpu("-ca", cpuAffinity);
        checkCpu("-lca", localCpuAffinity);
        checkCpu("-rca", remoteCpuAffinity);
        QperfStep base = QperfStep.NONE
                .with(QperfParam.ACCESS_RECV, accessRecv != 0 || accessRecv1 ? 1 : 0)
                .with(QperfParam.AFFINITY, cpu(localCpuAffinity), cpu(remoteCpuAffinity))
                .with(QperfParam.MSG_SIZE, msgSize == null ? 0 : OptionValues.qperfSize("-m", msgSize))
                .with(QperfParam.PORT, dataPort)
                .with(QperfParam.SOCK_BUF_SIZE, sockBuf("-lsb", localSockBufSize), sockBuf("-rsb", remoteSockBufSize))
                .with(QperfParam.TIME, OptionValues.qperfSecondsAtLeastOne("-t", time))
                .with(QperfParam.TIMEOUT, OptionValues.qperfSecondsAtLeastOne("-to", timeout));
        Set<QperfParam> userSet = EnumSet.noneOf(QperfParam.class);
        SET_BY.forEach((param, options) -> {
            if (options.stream().anyMatch(parsed::hasMatchedOption)) {
                userSet.add(param);
            }
        });
        List<QperfStep> steps = List.of(base);
        for (String spec : loops) {
            QperfLoop loop = QperfLoop.parse(spec);
            userSet.add(loop.variable());
            List<QperfStep> next = new ArrayList<>();
            for (QperfStep step : steps) {
                loop.values().forEach(value -> next.add(step.with(loop.variable(), value)));
            }
            steps = next;
        }
        return steps.stream().map(step -> step.setByUser(userSet)).toList();
    }

    /** qperf's affinity for one side (CPU counted from 1, 0 = any): the side's own option, else -ca. */
    private long cpu(Integer side) {
        return side != null ? side : cpuAffinity != null ? cpuAffinity : 0;
    }

    private static void checkCpu(String option, Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(option + " requires a non-negative number");
        }
        if (value != null && value > MAX_CPU) {
            throw new IllegalArgumentException(option + " " + value + ": expected a CPU 1.." + MAX_CPU + " (0 = any)");
        }
    }

    /** One side's socket buffer size: the side's own option, else -sb, else 0 (the system's). */
    private long sockBuf(String option, String side) {
        if (side != null) {
            return OptionValues.qperfSize(option, side);
        }
        return sockBufSize != null ? OptionValues.qperfSize("-sb", sockBufSize) : 0;
    }
}
