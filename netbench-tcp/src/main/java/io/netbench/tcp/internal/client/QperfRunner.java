package io.netbench.tcp.internal.client;

import io.netbench.core.NetCounters;
import io.netbench.core.NetbenchException;
import io.netbench.core.RunInterruptedException;
import io.netbench.core.TransportType;
import io.netbench.core.internal.Aborts;
import io.netbench.core.internal.Async;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfOptions;
import io.netbench.tcp.QperfResult.Counters;
import io.netbench.tcp.QperfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs one {@link QperfOptions}: the JIT warm-up if asked, then the test over one connection, or a
 * bandwidth test over {@link QperfOptions#streams()} connections at once, each on a thread of its
 * own, added up into one result. {@link #abort()}, from any thread, ends the run: it closes every
 * connection the run holds and ends its threads.
 */
public final class QperfRunner {
    private static final int WARMUP_MAX_MSG = 64 * 1024;

    private final QperfOptions options;
    private final Aborts connections = new Aborts();

    /**
     * A runner of {@code options}, which it runs once.
     *
     * @param options what to run
     */
    public QperfRunner(QperfOptions options) {
        this.options = options;
    }

    /**
     * Runs the test and returns its result.
     *
     * @return the result, the streams' counters added
     * @throws QperfException when the server cannot be reached or fails
     * @throws RunInterruptedException when the calling thread is interrupted
     * @throws java.util.concurrent.CancellationException when {@link #abort()} ended the run
     */
    public QperfResult run() throws NetbenchException {
        if (!options.jitWarmup().isZero() && options.test().isSocketTest()) {
            ClientWarmup.run(options.test(), (int) Math.min(options.msgSize(), WARMUP_MAX_MSG), options.jitWarmup(),
                    nativeIo(options), options.reverse(), connections);
        }
        if (options.streams() == 1 || !options.test().isBandwidth()) {
            return new TestRun(options, connections).run();
        }
        List<CompletableFuture<QperfResult>> runs = new ArrayList<>();
        List<Aborts.Registration> cancels = new ArrayList<>();
        try {
            for (int i = 0; i < options.streams(); i++) {
                CompletableFuture<QperfResult> run = Async.start("netbench-qperf-stream-" + i,
                        () -> new TestRun(options, connections).run());
                runs.add(run);
                cancels.add(connections.add(() -> run.cancel(true)));
            }
            List<QperfResult> results = new ArrayList<>();
            for (Future<QperfResult> run : runs) {
                results.add(await(run));
            }
            return combine(results);
        } finally {
            cancels.forEach(Aborts.Registration::close);
        }
    }

    /** Ends the run from any thread: closes its connections, stops its data paths, cancels its streams. */
    public void abort() {
        connections.abort();
    }

    /** Whether the data path goes through Netty's JNI rather than the JDK's channels. */
    static boolean nativeIo(QperfOptions options) {
        return options.transport() != TransportType.NIO;
    }

    private QperfResult await(Future<QperfResult> run) throws NetbenchException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof NetbenchException n ? n
                    : new QperfException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            throw RunInterruptedException.of(options.test().qperfName() + " against " + options.target(), e);
        }
    }

    /**
     * Parallel streams of one test as one result: counters added, CPU and time of the first, the
     * connections' TCP_INFO added up with the machine counters of the first.
     */
    private static QperfResult combine(List<QperfResult> results) {
        QperfResult first = results.get(0);
        Counters local = results.stream().map(QperfResult::local).reduce(Counters.ZERO, Counters::plus);
        Counters remote = results.stream().map(QperfResult::remote).reduce(Counters.ZERO, Counters::plus);
        return new QperfResult(first.test(), first.target(), first.start(), first.msgSize(), first.time(), local,
                remote, first.localCpu(), first.remoteCpu(), first.latency(), first.remoteConf(),
                NetCounters.ofConnections(results.stream().map(QperfResult::localNet).toList()),
                NetCounters.ofConnections(results.stream().map(QperfResult::remoteNet).toList()),
                results.stream().flatMap(r -> r.streamSeconds().stream()).toList(),
                results.stream().flatMap(r -> r.streamRetrans().stream()).toList());
    }
}
