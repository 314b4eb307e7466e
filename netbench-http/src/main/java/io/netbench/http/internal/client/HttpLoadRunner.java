package io.netbench.http.internal.client;

import io.netbench.core.MachineLimits;
import io.netbench.core.NetbenchException;
import io.netbench.core.RunInterruptedException;
import io.netbench.core.internal.Aborts;
import io.netbench.core.internal.Async;
import io.netbench.http.HttpLoadOptions;
import io.netbench.http.HttpLoadResult;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one {@link HttpLoadOptions}, step by step: checks that this machine can hold the
 * connections, resolves and probes the target as wrk does ({@link Preflight}), warms the JIT if
 * asked ({@link JitWarmup}), then runs the load itself ({@link LoadRun}). {@link #run()} runs on
 * the caller's thread; {@link #start()} on a thread of its own, whose future's cancel stops
 * whichever step is running.
 */
public final class HttpLoadRunner {
    private final HttpLoadOptions options;
    private final RunObservers observers;
    private final Aborts aborts;

    /**
     * @param options what to run
     * @param observers who hears of the run as it goes
     */
    public HttpLoadRunner(HttpLoadOptions options, RunObservers observers) {
        this(options, observers, new Aborts());
    }

    HttpLoadRunner(HttpLoadOptions options, RunObservers observers, Aborts aborts) {
        this.options = options;
        this.observers = observers;
        this.aborts = aborts;
    }

    /**
     * {@return the run's result}
     *
     * @throws NetbenchException as {@link io.netbench.http.HttpLoad#run()} says
     */
    public HttpLoadResult run() throws NetbenchException {
        try {
            return execute();
        } catch (InterruptedException e) {
            throw RunInterruptedException.of("wrk against " + options.uri(), e);
        }
    }

    /** {@return the result to come, of a run on a thread of its own that cancelling the future stops} */
    public CompletableFuture<HttpLoadResult> start() {
        return Async.start("netbench-wrk", this::run, aborts::abort);
    }

    /** Every step of the run, the JIT warm-up's own run included. */
    HttpLoadResult execute() throws NetbenchException, InterruptedException {
        MachineLimits.checkOutgoing(options.connections());
        InetSocketAddress address = Preflight.check(options.uri(), options.port(), options.timeout(), aborts);
        if (!options.jitWarmup().isZero()) {
            JitWarmup.run(options, aborts);
        }
        SslContext ssl = options.tls() ? ClientTls.context(options.insecure()) : null;
        try (LoadRun run = new LoadRun(options, observers, address, ssl); Aborts.Registration r = aborts.add(run::abort)) {
            return run.execute();
        }
    }
}
