package io.netbench.http;

import io.netbench.core.MachineLimitException;
import io.netbench.core.NetbenchException;
import io.netbench.core.RunInterruptedException;
import io.netbench.core.TransportType;
import io.netbench.http.internal.client.HttpLoadRunner;
import io.netbench.http.internal.client.RunObservers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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
 * <p>The setters only record; {@link #options()} checks them all at once into an immutable
 * {@link HttpLoadOptions}, naming the first bad one, and {@link #run()} or {@link #start()} runs
 * that. Errors during the run are counted by kind and the connection is re-established; the run
 * always ends at the duration. Not thread-safe; a builder may run any number of times.
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
    private Consumer<HttpLoadResult> onResult = r -> { };
    private Runnable onStart = () -> { };
    private ProgressListener progress = (elapsed, requests, errors, interval) -> { };

    private HttpLoad(URI uri) {
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    /**
     * A load against {@code uri}, with wrk's defaults: 2 threads, 10 connections, 10 s, GET.
     *
     * @param uri the target, {@code http://} or {@code https://}
     * @return a builder to set the other options on
     */
    public static HttpLoad to(URI uri) {
        return new HttpLoad(uri);
    }

    /**
     * Takes every option of {@code options} except its URI (this builder's): a run like another
     * against another target. Headers replace those added so far.
     *
     * @param options the options to copy
     * @return this builder
     */
    public HttpLoad like(HttpLoadOptions options) {
        threads = options.threads();
        connections = options.connections();
        duration = options.duration();
        warmup = options.warmup();
        jitWarmup = options.jitWarmup();
        timeout = options.timeout();
        rate = options.rate();
        pipeline = options.pipeline();
        method = options.method();
        headers.clear();
        headers.addAll(options.headers());
        body = options.body();
        insecure = options.insecure();
        transport = options.transport();
        script = options.script();
        return this;
    }

    /**
     * @param threads event loops; default 2
     * @return this builder
     */
    public HttpLoad threads(int threads) {
        this.threads = threads;
        return this;
    }

    /**
     * @param connections connections kept open, at least one per thread; default 10
     * @return this builder
     */
    public HttpLoad connections(int connections) {
        this.connections = connections;
        return this;
    }

    /**
     * @param duration the measured time; default 10 s
     * @return this builder
     */
    public HttpLoad duration(Duration duration) {
        this.duration = duration;
        return this;
    }

    /**
     * @param warmup load before the measured duration, not counted; default none
     * @return this builder
     */
    public HttpLoad warmup(Duration warmup) {
        this.warmup = warmup;
        return this;
    }

    /**
     * @param jitWarmup how long to drive this load's code against an in-process {@link HttpBenchServer}
     *     first, so the JIT has compiled it when the measured duration starts (a cold JVM's first
     *     seconds would be charged to the target, which sees none of it); default none
     * @return this builder
     */
    public HttpLoad jitWarmup(Duration jitWarmup) {
        this.jitWarmup = jitWarmup;
        return this;
    }

    /**
     * @param timeout a request outstanding longer counts as a timeout (its latency is not
     *     recorded); default 2 s
     * @return this builder
     */
    public HttpLoad timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * @param rate total requests per second at constant rate (wrk2's {@code -R}); 0 (default) for
     *     wrk's closed loop
     * @return this builder
     */
    public HttpLoad rate(long rate) {
        this.rate = rate;
        return this;
    }

    /**
     * @param pipeline requests written back to back per connection before waiting for their
     *     responses; default 1
     * @return this builder
     */
    public HttpLoad pipeline(int pipeline) {
        this.pipeline = pipeline;
        return this;
    }

    /**
     * @param method the request method; default GET
     * @return this builder
     */
    public HttpLoad method(String method) {
        this.method = Objects.requireNonNull(method, "method");
        return this;
    }

    /**
     * @param header a header line, {@code Name: value}; repeatable
     * @return this builder
     */
    public HttpLoad header(String header) {
        this.headers.add(Objects.requireNonNull(header, "header"));
        return this;
    }

    /**
     * @param body the request body (copied), or null for none (default)
     * @return this builder
     */
    public HttpLoad body(byte[] body) {
        this.body = body == null ? null : body.clone();
        return this;
    }

    /**
     * @param insecure accept any TLS certificate (like {@code curl -k}); default false
     * @return this builder
     */
    public HttpLoad insecure(boolean insecure) {
        this.insecure = insecure;
        return this;
    }

    /**
     * @param transport the event loops' transport; default {@link TransportType#defaultType()}
     * @return this builder
     */
    public HttpLoad transport(TransportType transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * @param script a wrk Lua script making the requests (one Lua state per thread), or null for
     *     none (default)
     * @return this builder
     */
    public HttpLoad script(WrkScript script) {
        this.script = script;
        return this;
    }

    /**
     * @param onResult receives the result when the run ends, before a script's {@code done()} (so
     *     that wrk's report comes first)
     * @return this builder
     */
    public HttpLoad onResult(Consumer<HttpLoadResult> onResult) {
        this.onResult = Objects.requireNonNull(onResult, "onResult");
        return this;
    }

    /**
     * @param onStart called once the target answered and a script's {@code setup()} and
     *     {@code init()} have run, just before the load starts (where wrk prints its "Running" line,
     *     after what those printed)
     * @return this builder
     */
    public HttpLoad onStart(Runnable onStart) {
        this.onStart = Objects.requireNonNull(onStart, "onStart");
        return this;
    }

    /**
     * @param progress receives the run's progress once a second
     * @return this builder
     */
    public HttpLoad progress(ProgressListener progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /**
     * {@return the options set so far, checked}
     *
     * @throws IllegalArgumentException naming the first bad option
     */
    public HttpLoadOptions options() {
        return new HttpLoadOptions(uri, threads, connections, duration, warmup, jitWarmup, timeout, rate, pipeline,
                method, headers, body, insecure, transport, script);
    }

    /**
     * Runs the load on this thread and returns its result.
     *
     * @return the result
     * @throws IllegalArgumentException naming a bad option, or a script that cannot run here
     * @throws MachineLimitException if this machine cannot hold the connections (says what to raise)
     * @throws HttpLoadException when the target cannot be reached before the run, or a script's
     *     hook failed ({@code name:line: message}; after the result was delivered if it was {@code done})
     * @throws RunInterruptedException if the thread was interrupted (its interrupt flag is set again)
     * @throws NetbenchException if the run failed otherwise
     */
    public HttpLoadResult run() throws NetbenchException {
        return runner().run();
    }

    /**
     * Runs the load on a thread of its own. Cancelling the future ({@code cancel(true)}) stops the
     * run: every connection is closed and every thread of the run ends within a second, and the
     * future completes with a {@link java.util.concurrent.CancellationException}.
     *
     * @return the result to come, or the failure {@link #run()} would throw
     * @throws IllegalArgumentException naming a bad option (at once, not through the future)
     */
    public CompletableFuture<HttpLoadResult> start() {
        return runner().start();
    }

    private HttpLoadRunner runner() {
        return new HttpLoadRunner(options(), new RunObservers(onStart, progress, onResult));
    }
}
