package io.netbench.cli;

import io.netbench.cli.format.IntervalLines;
import io.netbench.cli.format.WrkFormat;
import io.netbench.cli.format.NetRows;
import io.netbench.cli.format.WrkReport;
import io.netbench.core.LoadShare;
import io.netbench.core.NetbenchException;
import io.netbench.core.TestResult;
import io.netbench.core.Thresholds;
import io.netbench.core.TransportType;
import io.netbench.http.HttpLoad;
import io.netbench.http.WrkScript;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netbench wrk [options] URL}: wrk's and wrk2's HTTP load, options and output. */
@Command(name = "wrk", sortOptions = false,
        description = {"HTTP load like wrk (closed loop) or wrk2 (-R constant rate), printing wrk's output.",
            "Example: netbench wrk -t2 -c100 -d10s --latency http://127.0.0.1:8080/"},
        footer = {"", "  Numeric arguments may include a SI unit (1k, 1M, 1G)",
            "  Time arguments may include a time unit (2s, 2m, 2h)"})
final class WrkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "http:// or https:// URL.")
    private String url;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the script's init(args) (after --).")
    private List<String> scriptArgs = new ArrayList<>();

    @Option(names = {"-s", "--script"}, paramLabel = "FILE", description = "Load a wrk Lua script.")
    private Path script;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "Connections to keep open (default 10).")
    private String connectionsText = "10";

    @Option(names = {"-d", "--duration"}, paramLabel = "T", description = "Duration of test: 10, 10s, 3m, 1h (default 10s).")
    private String durationText = "10s";

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Number of threads to use (default 2).")
    private String threadsText = "2";

    @Option(names = {"-H", "--header"}, paramLabel = "H", description = "Add header to request (repeatable).")
    private List<String> headers = new ArrayList<>();

    @Option(names = {"-L", "--latency"}, description = "Print latency statistics.")
    private boolean latency;

    @Option(names = {"-U", "--u_latency"}, description = "Print uncorrected latency statistics (with -R).")
    private boolean uncorrected;

    @Option(names = {"-v", "-V", "--version"}, versionHelp = true, description = "Print version details (wrk's -v).")
    private boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--timeout", paramLabel = "T", description = "Socket/request timeout (default 2s).")
    private String timeout = "2s";

    @Option(names = {"-R", "--rate"}, paramLabel = "N", description = "Constant total requests/sec (wrk2).")
    private String rateText;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", description = "HTTP method (default GET).")
    private String method = "GET";

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body.")
    private String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "Request body from a file.")
    private Path bodyFile;

    @Option(names = "--pipeline", paramLabel = "N", description = "Pipelined requests per connection (default 1).")
    private int pipeline = 1;

    @Option(names = "--warmup", paramLabel = "T", description = "Load before the measured duration, not counted.")
    private String warmup;

    @Option(names = "--jit-warmup", paramLabel = "T", description = "Warm the JIT this long against an in-process"
            + " server before the run; the target sees none of it (default 1s, 0 for none).")
    private String jitWarmup = "1s";

    @Option(names = "--tcp-info", description = "Add the connections' TCP_INFO, TCP counters and softirq/system CPU"
            + " after the report (always in --json).")
    private boolean tcpInfo;

    @Option(names = {"-k", "--insecure"}, description = "Accept any TLS certificate.")
    private boolean insecure;

    @Option(names = "--hdr-log", paramLabel = "FILE", description = "Write HdrHistogram interval log (1 s intervals).")
    private Path hdrLog;

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS", description = "Report req/s, errors, p50 and p99"
            + " every SECONDS (whole seconds), as iperf3 does; in --json as intervals.")
    private int interval;

    @Option(names = "--share", paramLabel = "INDEX/N", description = "Take client INDEX's exact share of -c and -R among"
            + " N clients (Kubernetes Indexed Job: --share $JOB_COMPLETION_INDEX/N).")
    private String share;

    @Mixin
    private TransportOption transport;

    @Mixin
    private ResultOptions results;

    @Mixin
    private FailOnOption failOn;

    /** The library's load for these options, and what wrk's "Running" line says of it. */
    private record Load(HttpLoad http, int threads, int connections, Duration duration) {
    }

    @Override
    public Integer call() throws NetbenchException {
        PrintWriter err = spec.commandLine().getErr();
        URI uri = parseUri();
        Thresholds gate = failOn.thresholds();
        PrintWriter out = results.open(spec);
        TransportType type = transport.select(err);
        Load planned = load(uri, type);
        HttpLoad load = planned.http();
        if (script != null) {
            // What a script prints goes with the report, or to stderr when stdout is one JSON document.
            load.script(loadScript(results.notices(spec, out)));
        } else if (!scriptArgs.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments " + scriptArgs + " (script arguments need -s)");
        }
        Instant started = Instant.now();
        AtomicReference<TestResult> reported = new AtomicReference<>();
        try (HdrIntervalLog log = hdrLog == null ? null : HdrIntervalLog.open(hdrLog, started)) {
            boolean live = planned.duration().toSeconds() > 5 && !results.json() && interval == 0;
            PrintWriter notices = results.notices(spec, out);
            WrkIntervals intervals = new WrkIntervals(Math.max(1, interval), planned.duration(), i -> {
                notices.println(IntervalLines.wrk(i));
                notices.flush();
            });
            load.progress((elapsed, requests, errors, latencies) -> {
                if (log != null) {
                    log.interval(elapsed, latencies);
                }
                if (interval > 0) {
                    intervals.onSecond(elapsed, requests, errors, latencies);
                }
                if (live) {
                    err.printf("  [%s] %d requests, %.0f req/s, errors %d%n", WrkFormat.seconds(elapsed.toSeconds()),
                            requests, requests / Math.max(1e-9, elapsed.toNanos() / 1e9), errors.total());
                    err.flush();
                }
            });
            load.onStart(() -> {
                if (!results.json()) {
                    out.print(WrkReport.header(WrkFormat.seconds(planned.duration().toSeconds()), uri.toString(),
                            planned.threads(), planned.connections()));
                    out.flush();
                }
            });
            load.onResult(result -> {
                TestResult shared = result.toTestResult(type.displayName());
                reported.set(gate.check(interval == 0 ? shared : shared.toBuilder().intervals(intervals.finish(shared)).build()));
                if (results.json()) {
                    results.writeJson(out, spec, started, List.of(reported.get()));
                } else {
                    out.print(WrkReport.body(result, latency, uncorrected));
                    if (tcpInfo && result.net() != null) {
                        out.println("  TCP: " + NetRows.line(result.net()));
                    }
                    out.flush();
                }
            });
            try {
                load.run();
            } finally {
                // A script's done() that fails still leaves the results written.
                if (reported.get() != null) {
                    results.commit();
                }
            }
        }
        int exit = failOn.report(err, "wrk", List.of(reported.get()), r -> "");
        WrkNotices.rateShortfall(reported.get()).ifPresent(err::println);
        if (!gate.all().isEmpty()) { // without thresholds stderr stays wrk's, as scripts that parse it expect
            WrkNotices.noSuccess(reported.get()).ifPresent(err::println);
        }
        return exit;
    }

    /**
     * The library's load for these options, without the script and the callbacks.
     *
     * @throws IllegalArgumentException naming the first option wrk would not take
     */
    private Load load(URI uri, TransportType type) {
        int t = (int) OptionValues.wrkCount("-t", threadsText);
        int c = (int) OptionValues.wrkCount("-c", connectionsText);
        long r = rateText == null ? 0 : OptionValues.wrkCount("-R", rateText);
        if (share != null) {
            int[] s = LoadShare.parse(share);
            c = (int) LoadShare.of(c, s[1], s[0]);
            r = LoadShare.of(r, s[1], s[0]);
            if (c == 0) {
                throw new IllegalArgumentException("--share " + share + ": no connections left for this client");
            }
            t = Math.min(t, c);
        }
        Duration d = OptionValues.positiveWrkDuration("-d", durationText);
        if (interval < 0) {
            throw new IllegalArgumentException("-i " + interval + ": must be at least 1 second (0 for none)");
        }
        if (bodyFile != null && body != null) {
            throw new IllegalArgumentException("--body and --body-file: give one");
        }
        byte[] payload = body != null ? body.getBytes(StandardCharsets.UTF_8) : bodyFile != null ? read(bodyFile) : null;
        HttpLoad load = HttpLoad.to(uri).threads(t).connections(c).duration(d)
                .timeout(OptionValues.positiveWrkDuration("--timeout", timeout)).rate(r).pipeline(pipeline)
                .method(method.toUpperCase(Locale.ROOT)).body(payload).insecure(insecure).transport(type)
                .warmup(warmup == null ? Duration.ZERO : OptionValues.wrkDuration("--warmup", warmup))
                .jitWarmup(OptionValues.wrkDuration("--jit-warmup", jitWarmup));
        headers.forEach(load::header);
        return new Load(load, t, c, d);
    }

    private URI parseUri() {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL: " + url);
        }
    }

    private WrkScript loadScript(PrintWriter out) {
        PrintStream sink = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                out.flush();
            }
        }, true, StandardCharsets.UTF_8);
        try {
            return WrkScript.load(script, scriptArgs, sink);
        } catch (IOException e) {
            throw new IllegalArgumentException("-s " + script + ": cannot read (" + OneLineErrors.reason(e) + ")");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--body-file " + file + ": cannot read (" + OneLineErrors.reason(e) + ")");
        }
    }
}
