package io.netbench.cli;

import io.netbench.core.BalancedOrder;
import io.netbench.core.Labels;
import io.netbench.core.NetbenchException;
import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.TestResult;
import io.netbench.core.TransportType;
import io.netbench.http.HttpLoad;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a comparison's measurements: round after round, every step (a qperf test at one msg_size,
 * or the HTTP load), with the targets taking turns in the {@link BalancedOrder} of the round, so
 * that each step's targets run minutes apart at most and no target always follows the same one.
 * Each target's results gather into one run labelled {@code target=NAME}; with a save directory
 * they are written there after every round, so the rounds done survive a failure.
 */
final class CompareRounds {
    /** netbench qperf's and wrk's default JIT warm-ups: once per kind of step, before its first run. */
    private static final Duration QPERF_WARMUP = Duration.ofMillis(500);
    private static final Duration HTTP_WARMUP = Duration.ofSeconds(1);

    /** One measurement: a qperf test at a msg_size, or (qperf null) the HTTP load. */
    record Step(QperfTest qperf, long msgSize) {
    }

    /** The HTTP load of the http step, as wrk's options. */
    record HttpLoadSpec(int threads, int connections, Duration duration, long rate) {
    }

    private final List<CompareTarget> targets;
    private final List<Step> steps;
    private final Duration qperfTime;
    private final HttpLoadSpec http;
    private final TransportType transport;
    private final Path saveDir;
    private final Set<Object> warmed = new HashSet<>();

    CompareRounds(List<CompareTarget> targets, List<Step> steps, Duration qperfTime, HttpLoadSpec http,
                  TransportType transport, Path saveDir) {
        this.targets = List.copyOf(targets);
        this.steps = List.copyOf(steps);
        this.qperfTime = qperfTime;
        this.http = http;
        this.transport = transport;
        this.saveDir = saveDir;
    }

    /** Measures every round; a run per target, in target order. */
    List<RunResult> run(int rounds, List<String> command, Map<String, String> labels, PrintWriter progress)
            throws TargetFailedException, IOException {
        createSaveDir();
        List<List<TestResult>> results = new ArrayList<>();
        targets.forEach(t -> results.add(new ArrayList<>()));
        Instant start = Instant.now();
        List<RunResult> runs = new ArrayList<>();
        List<int[]> orders = BalancedOrder.rounds(targets.size(), rounds);
        for (int r = 0; r < rounds; r++) {
            for (Step step : steps) {
                for (int t : orders.get(r)) {
                    results.get(t).add(measure(step, targets.get(t)));
                }
            }
            runs = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                Map<String, String> targetLabels = new LinkedHashMap<>(labels);
                targetLabels.put(Labels.TARGET, targets.get(t).name());
                runs.add(RunResult.of(start, command, targetLabels, results.get(t)));
            }
            save(runs);
            progress.printf("compare: round %d of %d done%n", r + 1, rounds);
            progress.flush();
        }
        return runs;
    }

    private TestResult measure(Step step, CompareTarget target) throws TargetFailedException {
        try {
            if (step.qperf() == null) {
                return HttpLoad.to(target.http()).threads(http.threads()).connections(http.connections())
                        .duration(http.duration()).rate(http.rate()).transport(transport)
                        .jitWarmup(warmed.add("http") ? HTTP_WARMUP : Duration.ZERO).run()
                        .toTestResult(transport.displayName());
            }
            return QperfClient.to(target.host(), target.port()).test(step.qperf()).msgSize(step.msgSize())
                    .time(qperfTime).transport(transport)
                    .jitWarmup(warmed.add(step.qperf()) ? QPERF_WARMUP : Duration.ZERO).run()
                    .toTestResult(transport.displayName());
        } catch (IOException e) {
            throw new TargetFailedException(target, e);
        }
    }

    /** The save directory, made before the first round: one that cannot be made is bad input. */
    private void createSaveDir() {
        try {
            if (saveDir != null) {
                Files.createDirectories(saveDir);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--save " + saveDir + ": cannot create (" + OneLineErrors.reason(e) + ")",
                    e);
        }
    }

    private void save(List<RunResult> runs) throws IOException {
        if (saveDir == null) {
            return;
        }
        for (int t = 0; t < runs.size(); t++) {
            Path file = saveDir.resolve(targets.get(t).name() + ".json");
            try {
                ResultFiles.writeAtomically(file, ResultJson.write(runs.get(t)));
            } catch (IOException e) {
                throw new IOException("--save: cannot write " + file + " (" + OneLineErrors.reason(e) + ")", e);
            }
        }
    }

    /** A target failed a step: the comparison stops, naming it, with the failure as the cause. */
    static final class TargetFailedException extends NetbenchException {
        private static final long serialVersionUID = 1L;

        TargetFailedException(CompareTarget target, Exception cause) {
            super("target " + target.name() + " (" + target.address() + "): " + cause.getMessage(), cause);
        }
    }
}
