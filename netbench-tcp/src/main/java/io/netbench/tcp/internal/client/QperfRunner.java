package io.netbench.tcp.internal.client;

import io.netbench.core.TransportType;
import io.netbench.core.internal.Async;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfOptions;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfResult.Counters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs one {@link QperfOptions}: the JIT warm-up if asked, then the test over one connection, or a
 * bandwidth test over {@link QperfOptions#streams()} connections at once, each on a thread of its
 * own, added up into one result.
 */
public final class QperfRunner {
    private static final int WARMUP_MAX_MSG = 64 * 1024;

    private final QperfOptions options;

    /** A runner of {@code options}, which it runs once. */
    public QperfRunner(QperfOptions options) {
        this.options = options;
    }

    /** Runs the test and returns its result. */
    public QperfResult run() throws QperfException {
        if (!options.jitWarmup().isZero() && options.test().isSocketTest()) {
            ClientWarmup.run(options.test(), (int) Math.min(options.msgSize(), WARMUP_MAX_MSG), options.jitWarmup(),
                    nativeIo(options), options.reverse());
        }
        if (options.streams() == 1 || !options.test().isBandwidth()) {
            return new TestRun(options).run();
        }
        List<CompletableFuture<QperfResult>> runs = new ArrayList<>();
        for (int i = 0; i < options.streams(); i++) {
            runs.add(Async.start("netbench-qperf-stream-" + i, () -> new TestRun(options).run()));
        }
        List<QperfResult> results = new ArrayList<>();
        for (Future<QperfResult> run : runs) {
            results.add(await(run));
        }
        return combine(results);
    }

    /** Whether the data path goes through Netty's JNI rather than the JDK's channels. */
    static boolean nativeIo(QperfOptions options) {
        return options.transport() != TransportType.NIO;
    }

    private QperfResult await(Future<QperfResult> run) throws QperfException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof QperfException q ? q : new QperfException(e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QperfException("interrupted", e);
        }
    }

    /** Parallel streams of one test as one result: counters added, CPU and time of the first. */
    private static QperfResult combine(List<QperfResult> results) {
        QperfResult first = results.get(0);
        Counters local = results.stream().map(QperfResult::local).reduce(Counters.ZERO, Counters::plus);
        Counters remote = results.stream().map(QperfResult::remote).reduce(Counters.ZERO, Counters::plus);
        return new QperfResult(first.test(), first.target(), first.start(), first.msgSize(), first.time(), local,
                remote, first.localCpu(), first.remoteCpu(), first.latency(), first.remoteConf());
    }
}
