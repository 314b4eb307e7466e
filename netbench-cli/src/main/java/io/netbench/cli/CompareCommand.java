package io.netbench.cli;

import io.netbench.cli.report.Charts;
import io.netbench.cli.report.Column;
import io.netbench.cli.report.Report;
import io.netbench.core.Change;
import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.tcp.QperfTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netbench compare --target host=10.0.0.1 --target runc=svc-a tcp_bw tcp_lat http}: the
 * same measurements against several labelled targets, in interleaved rounds, then the report: a
 * median and spread per cell and a verdict against the first target.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure several labelled targets in interleaved rounds (the order changes from round to round)"
                + " and print the comparison: median (min–max) per cell and the change against the first target"
                + " with its interval, or \"no difference\".",
            "Example: netbench compare --target host=10.0.0.1 --target runc=10.0.0.2:19765,http=8080"
                + " -oo msg_size:1:64K:*64 tcp_bw tcp_lat http"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--target", paramLabel = "NAME=HOST[:PORT][,http=PORT|URL]", required = true,
            description = "A labelled netbench (or qperf) server; repeat, the first is the baseline. qperf port"
                    + " default 19765; the http test loads http://HOST:8080/ unless http= says otherwise.")
    private List<String> targets;

    @Parameters(paramLabel = "TEST", arity = "1..*",
            description = "qperf tests (tcp_bw, tcp_lat, udp_bw, udp_lat) and/or http (a wrk run).")
    private List<String> tests;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds; each target runs every test once a round"
            + " (default 5; with 1 there is no interval).")
    private int rounds = 5;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Seconds per qperf test (default 2).")
    private int seconds = 2;

    @Option(names = {"-m", "--msg_size"}, paramLabel = "SIZE", description = "qperf message size (e.g. 64, 4K).")
    private String msgSize;

    @Option(names = {"-oo", "--loop"}, paramLabel = "msg_size:INIT:LAST:INCR", description = "Message sizes to sweep.")
    private String loop;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "http: connections (default 100).")
    private int connections = 100;

    @Option(names = "--threads", paramLabel = "N", description = "http: threads (default 2).")
    private int threads = 2;

    @Option(names = {"-d", "--duration"}, paramLabel = "T", description = "http: duration per run (default 10s).")
    private String duration = "10s";

    @Option(names = {"-R", "--rate"}, paramLabel = "N", description = "http: constant total requests/sec (wrk2).")
    private long rate;

    @Option(names = "--format", paramLabel = "md|html|csv|json|results", description = "Report format (default from -o's"
            + " extension, else md); results: each target's results as JSON documents instead of a report, for"
            + " netbench report and merge (what a client pod prints for kubectl logs).")
    private String format;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr (in a pod whose logs are the results).")
    private boolean quiet;

    @Option(names = "--confidence", paramLabel = "PERCENT", description = "Level of the change intervals (default 99).")
    private double confidence = Change.DEFAULT_CONFIDENCE * 100;

    @Option(names = "--save", paramLabel = "DIR", description = "Also save each target's results as DIR/NAME.json"
            + " (after every round).")
    private Path save;

    @Mixin
    private LabelOption labels;

    @Mixin
    private TransportOption transport;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() throws IOException {
        List<CompareTarget> parsed = targets.stream().map(CompareTarget::parse).toList();
        if (new HashSet<>(parsed.stream().map(CompareTarget::name).toList()).size() != parsed.size()) {
            throw new IllegalArgumentException("--target: each target needs a name of its own");
        }
        boolean results = "results".equals(format);
        Report.Format form = results ? null : Report.Format.of(format, output.file());
        double level = ReportCommand.level(confidence);
        atLeast("--rounds", rounds, 1);
        atLeast("-t", seconds, 1);
        atLeast("-c", connections, 1);
        atLeast("--threads", threads, 1);
        atLeast("-R", rate, 0);
        CompareRounds.HttpLoadSpec http = new CompareRounds.HttpLoadSpec(threads, connections,
                OptionValues.positiveWrkDuration("-d", duration), rate);
        CompareRounds runner = new CompareRounds(parsed, steps(), Duration.ofSeconds(seconds), http,
                transport.select(spec.commandLine().getErr()), save);
        List<String> command = spec.commandLine().getParseResult().originalArgs();
        PrintWriter out = output.open(spec);
        PrintWriter progress = quiet ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getErr();
        List<RunResult> runs = runner.run(rounds, command, labels.labels(), progress);
        if (results) {
            runs.forEach(run -> out.println(ResultJson.write(run)));
            out.flush();
            output.commit();
            return 0;
        }
        List<Column> columns = new ArrayList<>();
        for (int t = 0; t < parsed.size(); t++) {
            columns.add(new Column(parsed.get(t).name(), List.of(runs.get(t))));
        }
        out.print(Report.render(columns, form, level, form == Report.Format.HTML ? Charts.of(columns) : Map.of()));
        out.flush();
        output.commit();
        return 0;
    }

    private List<CompareRounds.Step> steps() {
        if (msgSize != null && loop != null) {
            throw new IllegalArgumentException("-m and -oo: give one");
        }
        QperfLoop sweep = loop == null ? null : QperfLoop.parse(loop);
        if (sweep != null && !sweep.variable().equals("msg_size")) {
            throw new IllegalArgumentException("-oo " + loop + ": compare sweeps msg_size only");
        }
        List<Long> sizes = sweep != null ? sweep.values()
                : List.of(msgSize == null ? 0L : OptionValues.qperfSize("-m", msgSize));
        List<CompareRounds.Step> steps = new ArrayList<>();
        boolean withHttp = false;
        for (String name : tests) {
            if (name.equals("http")) {
                withHttp = true;
                continue;
            }
            QperfTest test = QperfTest.fromName(name);
            if (!test.isSocketTest()) {
                throw new IllegalArgumentException(name + ": compare runs tcp_bw, tcp_lat, udp_bw, udp_lat and http");
            }
            sizes.forEach(size -> steps.add(new CompareRounds.Step(test, size)));
        }
        if (withHttp) {
            steps.add(new CompareRounds.Step(null, 0));
        }
        return steps;
    }

    private static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " " + value + ": expected at least " + min);
        }
    }
}
