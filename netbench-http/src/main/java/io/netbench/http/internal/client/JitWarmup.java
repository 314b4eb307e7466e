package io.netbench.http.internal.client;

import io.netbench.core.NetbenchException;
import io.netbench.core.internal.Aborts;
import io.netbench.http.HttpLoad;
import io.netbench.http.HttpLoadOptions;
import java.net.URI;
import java.time.Duration;

/**
 * The client's JIT warm-up ({@link HttpLoadOptions#jitWarmup()}): the run's own requests, closed
 * loop, for that long against an in-process server on loopback, so that the measured run starts
 * with its hot path compiled. The target sees none of it.
 */
final class JitWarmup {
    /** The warm-up's connections at most: enough to run the code of many, without the target's thousands. */
    private static final int MAX_CONNECTIONS = 100;

    private JitWarmup() {
    }

    /**
     * Runs the warm-up of {@code run}.
     *
     * @param aborts also stop the warm-up
     * @throws NetbenchException if the warm-up fails
     * @throws InterruptedException if the run was cancelled
     */
    static void run(HttpLoadOptions run, Aborts aborts) throws NetbenchException, InterruptedException {
        try (Loopback target = new Loopback(run.transport(), 1); Aborts.Registration r = aborts.add(target::close)) {
            new HttpLoadRunner(options(run, target.uri()), RunObservers.NONE, aborts).execute();
        }
    }

    /**
     * {@return the warm-up's options}: those of {@code run} against {@code target}, closed loop,
     * at most {@value #MAX_CONNECTIONS} connections, no warm-up of its own and no script.
     */
    static HttpLoadOptions options(HttpLoadOptions run, URI target) {
        return HttpLoad.to(target).like(run).connections(Math.max(run.threads(), Math.min(run.connections(),
                MAX_CONNECTIONS))).duration(run.jitWarmup()).warmup(Duration.ZERO).jitWarmup(Duration.ZERO).rate(0)
                .insecure(false).script(null).options();
    }
}
