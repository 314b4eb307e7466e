package io.netbench.http;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.core.NetbenchException;
import io.netbench.core.RunInterruptedException;
import io.netbench.core.TransportType;
import io.netbench.core.internal.Async;
import io.netbench.http.internal.client.LoadPlan;
import io.netbench.http.internal.client.LoadStats;
import io.netbench.http.internal.client.LoadWorker;
import io.netbench.http.internal.client.RequestSource;
import io.netbench.http.internal.client.RequestTemplate;
import io.netbench.http.internal.script.ScriptException;
import io.netbench.http.internal.script.ScriptRun;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * HTTP load with wrk's model: {@link #threads(int)} event loops, {@link #connections(int)} spread
 * evenly over them, keep-alive, one request (or one {@link #pipeline(int) pipelined} batch) in
 * flight per connection, for {@link #duration(Duration)}. With {@link #rate(long)} it is wrk2:
 * a constant total request rate, latency measured from each request's intended send time.
 *
 * <pre>{@code
 * HttpLoadResult r = HttpLoad.to(URI.create("http://127.0.0.1:8080/")).threads(2).connections(64)
 *         .duration(Duration.ofSeconds(5)).rate(20_000).run();
 * Duration p99 = r.percentile(99);
 * }</pre>
 *
 * <p>Errors are counted by kind and the connection is re-established; the run always ends at the
 * duration. Options are checked by {@link #run()}, which names a bad one. Not thread-safe.
 */
public final class HttpLoad {
    private final URI uri;
    private int threads = 2;
    private int connections = 10;
    private Duration duration = Duration.ofSeconds(10);
    private Duration warmup = Duration.ZERO;
    private Duration jitWarmup = Duration.ZERO;
    private Duration timeout = Duration.ofSeconds(2);
    private long rate;
    private int pipeline = 1;
    private String method = "GET";
    private final List<String> headers = new ArrayList<>();
    private byte[] body;
    private boolean insecure;
    private TransportType transport = TransportType.defaultType();
    private WrkScript script;
    private java.util.function.Consumer<HttpLoadResult> onResult = r -> { };
    private Runnable onStart = () -> { };
    private ProgressListener progress = (elapsed, requests, errors, interval) -> { };

    /** Called once a second during the run, on the thread that called {@link #run()}. */
    @FunctionalInterface
    public interface ProgressListener {
        void onSecond(Duration elapsed, long requests, long errors, Histogram latencyInterval);
    }

    private HttpLoad(URI uri) {
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    public static HttpLoad to(URI uri) {
        return new HttpLoad(uri);
    }

    public HttpLoad threads(int threads) {
        this.threads = threads;
        return this;
    }

    public HttpLoad connections(int connections) {
        this.connections = connections;
        return this;
    }

    public HttpLoad duration(Duration duration) {
        this.duration = duration;
        return this;
    }

    /** Load before the measured duration, not counted; default none. */
    public HttpLoad warmup(Duration warmup) {
        this.warmup = warmup;
        return this;
    }

    /**
     * Before the run, drives this load's code for this long against an in-process
     * {@link HttpBenchServer} on loopback, so the JIT has compiled the hot path when the measured
     * duration starts. A cold JVM completes a third fewer requests in its first seconds, and that
     * would be charged to the target. The target sees none of it. Default none (the CLI's is 1 s).
     */
    public HttpLoad jitWarmup(Duration jitWarmup) {
        this.jitWarmup = jitWarmup;
        return this;
    }

    /** A request outstanding longer counts as a timeout (its latency is not recorded); default 2 s. */
    public HttpLoad timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Total requests per second at constant rate (wrk2's -R); 0 (default) for wrk's closed loop. */
    public HttpLoad rate(long rate) {
        this.rate = rate;
        return this;
    }

    /** Requests written back to back per connection before waiting for their responses; default 1. */
    public HttpLoad pipeline(int pipeline) {
        this.pipeline = pipeline;
        return this;
    }

    public HttpLoad method(String method) {
        this.method = Objects.requireNonNull(method, "method");
        return this;
    }

    /** A header line, {@code Name: value}; repeatable. */
    public HttpLoad header(String header) {
        this.headers.add(Objects.requireNonNull(header, "header"));
        return this;
    }

    public HttpLoad body(byte[] body) {
        this.body = body == null ? null : body.clone();
        return this;
    }

    /** Accept any TLS certificate (like curl -k). */
    public HttpLoad insecure(boolean insecure) {
        this.insecure = insecure;
        return this;
    }

    public HttpLoad transport(TransportType transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /** Runs a wrk Lua script (one Lua state per thread); default none. */
    public HttpLoad script(WrkScript script) {
        this.script = script;
        return this;
    }

    /** Receives the result when the run ends, before a script's {@code done()} (so wrk's report comes first). */
    public HttpLoad onResult(java.util.function.Consumer<HttpLoadResult> onResult) {
        this.onResult = Objects.requireNonNull(onResult, "onResult");
        return this;
    }

    /**
     * Called once the target answered and a script's {@code setup()} and {@code init()} have run,
     * just before the load starts (where wrk prints its "Running" line, after what those printed).
     */
    public HttpLoad onStart(Runnable onStart) {
        this.onStart = Objects.requireNonNull(onStart, "onStart");
        return this;
    }

    public HttpLoad progress(ProgressListener progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** Runs in the background. */
    public CompletableFuture<HttpLoadResult> start() {
        validate();
        return Async.start("netbench-wrk", this::run);
    }

    private void validate() {
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid URL: " + uri + " (expected http://host[:port]/path or https://...)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (connections < threads) {
            throw new IllegalArgumentException("number of connections must be >= threads");
        }
        if (duration == null || duration.toMillis() < 1) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must be >= 0: " + warmup);
        }
        if (jitWarmup == null || jitWarmup.isNegative() || !jitWarmup.isZero() && jitWarmup.toMillis() < 1) {
            throw new IllegalArgumentException("jitWarmup must be 0 or at least 1 ms: " + jitWarmup);
        }
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be >= 0: " + rate);
        }
        if (pipeline < 1 || pipeline > 1024) {
            throw new IllegalArgumentException("pipeline must be 1..1024: " + pipeline);
        }
        if (!method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("method must be an upper-case token: " + method);
        }
        checkLimits();
    }

    /** Says what to raise when the machine cannot hold the connections. */
    private void checkLimits() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long free = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 64;
            if (connections > free) {
                throw new IllegalArgumentException(connections + " connections need as many file descriptors but only "
                        + Math.max(0, free) + " are free (limit " + os.getMaxFileDescriptorCount()
                        + "): raise it, e.g. ulimit -n " + (connections + 1024));
            }
        }
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            long ports = Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
            if (connections > ports) {
                throw new IllegalArgumentException(connections + " connections to one address need as many local ports"
                        + " but net.ipv4.ip_local_port_range " + range[0] + "-" + range[1] + " has " + ports
                        + ": widen it (sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\")");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
        }
    }

    /**
     * Runs the load and returns its result.
     *
     * @throws IllegalArgumentException naming a bad option, or a script that cannot run here
     *     ({@code name:line: message})
     * @throws HttpLoadException when the target cannot be reached before the run, or a script's
     *     hook failed ({@code name:line: message}; after the result was delivered if it was {@code done})
     * @throws RunInterruptedException if the thread was interrupted (its interrupt flag is set again)
     */
    public HttpLoadResult run() throws NetbenchException {
        validate();
        boolean tls = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetSocketAddress address = preflight(uri.getHost(), port);
        if (!jitWarmup.isZero()) {
            warmJit();
        }
        LatencyRecorder latency = new LatencyRecorder();
        LatencyRecorder uncorrected = new LatencyRecorder();
        long interval = rate == 0 ? 0 : Math.max(1, (long) (1e9 * connections / rate));
        ScriptRun scripts = null;
        IntFunction<RequestSource> sources;
        if (script != null) {
            try {
                scripts = new ScriptRun(script.name(), script.source(), script.args(), script.output(), uri, headers,
                        threads, address);
            } catch (ScriptException e) {
                throw failure(e);
            }
            sources = scripts::thread;
        } else {
            RequestTemplate template = RequestTemplate.of(method, uri, headers, body, pipeline);
            sources = i -> template;
        }
        onStart.run();
        List<RequestSource> used = new ArrayList<>();
        LoadPlan plan = new LoadPlan(address, uri.getHost(), tls ? sslContext() : null, transport, sources,
                method.equals("HEAD"), interval, timeout.toNanos());
        EventLoopGroup group = transport.newEventLoopGroup(threads, "netbench-wrk");
        try {
            List<LoadWorker> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                RequestSource source = sources.apply(i);
                if (!used.contains(source)) {
                    used.add(source);
                }
                LoadWorker worker = new LoadWorker(group.next(), plan, source, latency, uncorrected);
                workers.add(worker);
                worker.start(connections / threads + (i < connections % threads ? 1 : 0), !warmup.isZero());
            }
            if (!warmup.isZero()) {
                sleep(warmup.toNanos());
                workers.forEach(LoadWorker::beginCounting);
            }
            Instant start = Instant.now();
            long begin = System.nanoTime();
            long end = begin + duration.toNanos();
            for (long tick = begin + 1_000_000_000L; tick < end && !failed(scripts); tick += 1_000_000_000L) {
                sleep(tick - System.nanoTime());
                long requests = workers.stream().mapToLong(LoadWorker::requestsSoFar).sum();
                ErrorCounts errors = workers.stream().map(LoadWorker::errorsSoFar)
                        .reduce(ErrorCounts.NONE, ErrorCounts::plus);
                progress.onSecond(Duration.ofNanos(System.nanoTime() - begin), requests, errors.total(),
                        latency.interval());
            }
            if (!failed(scripts)) {
                sleep(end - System.nanoTime());
            }
            List<LoadStats> stats = new ArrayList<>();
            for (LoadWorker worker : workers) {
                stats.add(worker.stop().get(5, TimeUnit.SECONDS));
            }
            Duration runtime = Duration.ofNanos(System.nanoTime() - begin);
            if (failed(scripts)) {
                throw failure(scripts.error());
            }
            HttpLoadResult result = result(start, runtime, stats, latency.total(), uncorrected.total());
            onResult.accept(result);
            if (scripts != null) {
                done(scripts, result);
            }
            return result;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new HttpLoadException("load workers did not stop: " + e, e);
        } catch (InterruptedException e) {
            throw RunInterruptedException.of("wrk against " + uri, e);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
            used.forEach(RequestSource::close);
        }
    }

    /** The same requests, closed loop, to an in-process server: see {@link #jitWarmup(Duration)}. */
    private void warmJit() throws NetbenchException {
        onLoopback(transport, 1, uri -> {
            HttpLoad warm = HttpLoad.to(uri).threads(threads).connections(Math.max(threads, Math.min(connections, 100)))
                    .duration(jitWarmup).timeout(timeout).pipeline(pipeline).method(method).body(body)
                    .transport(transport);
            headers.forEach(warm::header);
            warm.run();
        });
    }

    /** What runs against the server of {@link #onLoopback}. */
    @FunctionalInterface
    interface LoopbackRun {
        void run(URI uri) throws NetbenchException;
    }

    /**
     * Gives {@code run} the URI of an in-process {@link HttpBenchServer} on loopback with
     * {@code serverThreads} event loops, closed after it: the JIT warm-up of both ends, this one's
     * ({@link #jitWarmup(Duration)}) and the server's ({@link HttpBenchServer.Builder#jitWarmup}).
     */
    static void onLoopback(TransportType transport, int serverThreads, LoopbackRun run) throws NetbenchException {
        try (HttpBenchServer server = HttpBenchServer.builder().bindAddress("127.0.0.1").port(0).threads(serverThreads)
                .transport(transport).build()) {
            run.run(URI.create("http://127.0.0.1:" + server.port() + "/"));
        }
    }

    private static boolean failed(ScriptRun scripts) {
        return scripts != null && scripts.error() != null;
    }

    private static void done(ScriptRun scripts, HttpLoadResult r) throws HttpLoadException {
        try {
            scripts.done(r.duration().toNanos() / 1000, r.requests(), r.bytes(), r.errors(), r.latency().histogram(),
                    r.requestRate());
        } catch (ScriptException ex) {
            throw failure(ex);
        }
    }

    /**
     * A script that cannot run here (syntax error, unsupported feature) is bad input, like a bad
     * option; a hook that failed during the run failed the run.
     */
    private static HttpLoadException failure(ScriptException e) {
        if (e.badScript()) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new HttpLoadException(e.getMessage(), e);
    }

    private HttpLoadResult result(Instant start, Duration runtime, List<LoadStats> stats, Histogram latency,
                                  Histogram uncorrected) {
        LoadStats.Totals total = LoadStats.Totals.of(stats);
        long requests = total.requests();
        // At constant rate the corrected series was recorded from intended send times; in the closed
        // loop it is wrk's correction of the measured one (which alone is recorded then).
        Histogram corrected = rate > 0 ? latency : uncorrected;
        if (rate == 0 && requests / connections > 0) {
            corrected = uncorrected.copyCorrectedForCoordinatedOmission(runtime.toNanos() / (requests / connections));
        }
        return new HttpLoadResult(uri, threads, connections, rate, start, runtime, requests, total.bytes(),
                total.errors(), total.statuses(),
                LatencyStats.of(corrected), LatencyStats.of(uncorrected), total.requestRate());
    }

    private static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** wrk's check before a run: resolve the host and make one connection. */
    private InetSocketAddress preflight(String host, int port) throws HttpLoadException {
        String target = host + ":" + port;
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            try (Socket probe = new Socket()) {
                probe.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            }
            return address;
        } catch (IOException e) {
            String why = e instanceof java.net.UnknownHostException ? "Name or service not known" : e.getMessage();
            throw new HttpLoadException("unable to connect to " + target + " " + why, e);
        }
    }

    private SslContext sslContext() throws HttpLoadException {
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (insecure) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            return b.build();
        } catch (IOException e) {
            throw new HttpLoadException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
