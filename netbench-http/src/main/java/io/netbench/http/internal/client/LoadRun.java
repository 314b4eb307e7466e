package io.netbench.http.internal.client;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.core.NetCounters;
import io.netbench.core.TcpInfo;
import io.netbench.core.internal.NetSampler;
import io.netbench.http.HttpLoadException;
import io.netbench.http.HttpLoadOptions;
import io.netbench.http.HttpLoadResult;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The state of one load run, from its requests being ready to its result: the event loops, one
 * {@link LoadWorker} on each with its share of the connections, the latency recorders they write
 * to, and where their requests come from. {@link #execute()} drives it on the caller's thread:
 * the warm-up, then the measured duration with a progress report each second, then the totals,
 * with the network counters sampled around the measured duration (TCP_INFO on the loops when no
 * request is counted: at the end of the warm-up, and as the workers stop).
 * {@link #abort()}, from any thread, closes the connections and ends the event loops;
 * {@link #close()} does that and waits for it.
 */
final class LoadRun implements AutoCloseable {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final HttpLoadOptions options;
    private final RunObservers observers;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LatencyRecorder uncorrected = new LatencyRecorder();
    private final RunSources sources;
    private final EventLoopGroup group;
    private final List<LoadWorker> workers = new ArrayList<>();
    private final AtomicBoolean aborted = new AtomicBoolean();

    /**
     * Gets the requests ready (a script's {@code setup()} and {@code init()} run now) and the event loops.
     *
     * @param address the target's resolved address
     * @param ssl the TLS context, or null for plain HTTP
     * @throws IllegalArgumentException if the script cannot run here
     * @throws HttpLoadException if a script hook failed
     */
    LoadRun(HttpLoadOptions options, RunObservers observers, InetSocketAddress address, SslContext ssl)
            throws HttpLoadException {
        this.options = options;
        this.observers = observers;
        this.sources = RunSources.of(options, address);
        long interval = options.rate() == 0 ? 0 : Math.max(1, (long) (1e9 * options.connections() / options.rate()));
        LoadPlan plan = new LoadPlan(address, options.uri().getHost(), ssl, options.transport(),
                options.method().equals("HEAD"), interval, options.timeout().toNanos());
        group = options.transport().newEventLoopGroup(options.threads(), "netbench-wrk");
        for (int i = 0; i < options.threads(); i++) {
            workers.add(new LoadWorker(group.next(), plan, sources.worker(i), latency, uncorrected));
        }
    }

    /**
     * Runs the load and returns its result, after giving it to the observers and a script's {@code done()}.
     *
     * @throws HttpLoadException if a script hook failed, or the workers did not stop
     * @throws InterruptedException if the run was interrupted or aborted
     */
    HttpLoadResult execute() throws HttpLoadException, InterruptedException {
        observers.onStart().run();
        boolean warm = !options.warmup().isZero();
        int threads = options.threads();
        for (int i = 0; i < threads; i++) {
            workers.get(i).start(options.connections() / threads + (i < options.connections() % threads ? 1 : 0), warm);
        }
        TcpInfo startInfo = warm ? endWarmup() : null;
        NetSampler sampler = NetSampler.start(() -> startInfo);
        Instant start = Instant.now();
        long begin = System.nanoTime();
        long end = begin + options.duration().toNanos();
        for (long tick = begin + SECOND; tick < end && !sources.failed(); tick += SECOND) {
            sleep(tick - System.nanoTime());
            reportProgress(begin);
        }
        if (!sources.failed()) {
            sleep(end - System.nanoTime());
            reportProgress(begin); // the last (whole or partial) second, so intervals cover the whole run
        }
        List<LoadStats> stats = fromEachWorker(LoadWorker::stop, "stop");
        Duration runtime = Duration.ofNanos(System.nanoTime() - begin);
        sources.checkFailed();
        NetCounters net = sampler.finish(() -> TcpInfo.total(workers.stream().map(w -> w.endInfo).toList()));
        HttpLoadResult result = result(start, runtime, LoadStats.Totals.of(stats), net);
        observers.onResult().accept(result);
        sources.done(result);
        return result;
    }

    private void reportProgress(long begin) {
        long requests = workers.stream().mapToLong(LoadWorker::requestsSoFar).sum();
        ErrorCounts errors = workers.stream().map(LoadWorker::errorsSoFar).reduce(ErrorCounts.NONE, ErrorCounts::plus);
        // In the closed loop only the measured series is recorded (wrk's correction comes at the end).
        LatencyRecorder recorded = options.rate() > 0 ? latency : uncorrected;
        observers.progress().onSecond(Duration.ofNanos(System.nanoTime() - begin), requests, errors,
                recorded.interval());
    }

    /**
     * Waits out the warm-up, then reads the connections' TCP_INFO on the loops before counting
     * begins; returns it, or {@code null} when sampling is off.
     */
    private TcpInfo endWarmup() throws HttpLoadException, InterruptedException {
        sleep(options.warmup().toNanos());
        TcpInfo info = NetSampler.enabled() ? TcpInfo.total(fromEachWorker(LoadWorker::sampleTcpInfo, "answer")) : null;
        workers.forEach(LoadWorker::beginCounting);
        return info;
    }

    /** What {@code call} gives on each worker's loop, in order, once each has answered. */
    private <T> List<T> fromEachWorker(Function<LoadWorker, Future<T>> call, String what)
            throws HttpLoadException, InterruptedException {
        List<T> answers = new ArrayList<>();
        try {
            for (LoadWorker worker : workers) {
                answers.add(call.apply(worker).get(5, TimeUnit.SECONDS));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new HttpLoadException("load workers did not " + what + ": " + e, e);
        }
        return answers;
    }

    private HttpLoadResult result(Instant start, Duration runtime, LoadStats.Totals total, NetCounters net) {
        Histogram measured = uncorrected.total();
        // At constant rate the corrected series was recorded from intended send times; in the closed
        // loop it is wrk's correction of the measured one (which alone is recorded then).
        Histogram corrected = options.rate() > 0 ? latency.total() : measured;
        long perConnection = total.requests() / options.connections();
        if (options.rate() == 0 && perConnection > 0) {
            corrected = measured.copyCorrectedForCoordinatedOmission(runtime.toNanos() / perConnection);
        }
        return new HttpLoadResult(options.uri(), options.threads(), options.connections(), options.rate(), start,
                runtime, total.requests(), total.bytes(), total.errors(), total.statuses(), LatencyStats.of(corrected),
                LatencyStats.of(measured), total.requestRate(), net);
    }

    private static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** Closes every connection and ends the event loops, without waiting; once, from any thread. */
    void abort() {
        if (aborted.compareAndSet(false, true)) {
            workers.forEach(LoadWorker::stop);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** {@link #abort() Aborts} if still running, waits for the event loops to end, and releases the requests. */
    @Override
    public void close() {
        abort();
        group.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        sources.close();
    }
}
