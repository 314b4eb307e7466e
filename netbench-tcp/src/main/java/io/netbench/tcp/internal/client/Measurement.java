package io.netbench.tcp.internal.client;

import io.netbench.core.CpuSnapshot;
import io.netbench.core.CpuUsage;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.core.NetCounters;
import io.netbench.core.internal.Aborts;
import io.netbench.core.internal.NetSampler;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfOptions;
import io.netbench.tcp.QperfResult.Counters;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.internal.protocol.CountersFrame;
import io.netbench.tcp.internal.protocol.QperfStat;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A socket test in progress, once the server has accepted its request: the data path, the timer
 * that ends it, the latency recorder and the CPU snapshots and network counters around it, then
 * the server's STAT (and, from a netbench server, its counters) and the result. qperf's order:
 * the data path first, both sides synchronise, the loop runs until the timer, the server sends
 * its STAT, the client acknowledges it.
 */
final class Measurement {
    private final QperfOptions options;
    private final ControlConnection control;
    private final String token;
    private final int timeoutMillis;
    private final Aborts connections;
    private final LatencyRecorder recorder = new LatencyRecorder();

    Measurement(QperfOptions options, ControlConnection control, String token, int timeoutMillis,
                Aborts connections) {
        this.options = options;
        this.control = control;
        this.token = token;
        this.timeoutMillis = timeoutMillis;
        this.connections = connections;
    }

    QperfResult run(Instant start) throws QperfException {
        long port = control.receivePort();
        int size = (int) options.msgSize();
        try (DataPath data = DataPath.open(options.test(), control.server(), port, token, options.localSockBufSize(),
                timeoutMillis, QperfRunner.nativeIo(options), connections)) {
            // The first snapshot loads the management classes (tens of milliseconds), and the counters
            // are read outside the measured interval: not after the sync, where the server's timer runs.
            NetSampler sampler = NetSampler.start(data::tcpInfo);
            control.synchronize(Wire.SYNC_BEFORE);
            CpuSnapshot begin = CpuSnapshot.now();
            long beginNanos = System.nanoTime();
            long deadline = beginNanos + options.time().toNanos();
            Counters local;
            StopTimer timer = new StopTimer("netbench-qperf-timer", data, beginNanos, deadline,
                    options.test().isBandwidth());
            try {
                local = data.run(size, deadline, recorder.newWriter(), options.reverse());
            } catch (QperfException e) {
                throw control.explain(e);
            } finally {
                timer.cancel();
            }
            CpuSnapshot end = CpuSnapshot.now();
            NetCounters localNet = sampler.finish(data::tcpInfo);
            data.stop();
            control.setTimeout(timeoutMillis + 2000);
            ByteBuf statBytes = control.receive(Wire.STAT_SIZE, "results");
            NetCounters serverNet = CountersFrame.follows(statBytes) ? serverCounters() : null;
            QperfStat stat = QperfStat.decode(statBytes);
            control.send(Wire.SYNC_AFTER, "synchronization");
            Counters remote = new Counters(stat.s().bytes(), stat.s().msgs(), stat.r().bytes(), stat.r().msgs());
            if (options.reverse() && remote.sentBytes() == 0) {
                throw new QperfException("the server did not send: --reverse needs a netbench server");
            }
            CpuUsage remoteCpu = CpuUsage.fromTicks(stat.timeS(), stat.timeE(), stat.noTicks(), Double.NaN);
            boolean bandwidth = options.test().isBandwidth();
            List<List<Long>> seconds = bandwidth
                    ? List.of(timer.seconds(options.reverse() ? local.receivedBytes() : local.sentBytes())) : List.of();
            List<List<Long>> retrans = bandwidth && localNet != null
                    ? List.of(timer.retrans(localNet.start(), localNet.end())) : List.of();
            return new QperfResult(options.test(), options.target(), start, size, options.time(), local, remote,
                    CpuUsage.between(begin, end), remoteCpu, LatencyStats.of(recorder.total()), null, localNet,
                    serverNet != null || localNet == null ? serverNet : new NetCounters(null, null, Map.of(),
                            NetCounters.cpuSplit(stat.timeS(), stat.timeE(), stat.noTicks())), seconds, retrans);
        } catch (IOException e) {
            throw e instanceof QperfException q ? q : new QperfException(e.getMessage(), e);
        }
    }

    /** The netbench server's {@link CountersFrame}, which follows a marked STAT. */
    private NetCounters serverCounters() throws QperfException {
        try {
            int length = CountersFrame.length(control.receive(4, "counters"));
            return CountersFrame.read(control.receive(length, "counters"));
        } catch (IllegalArgumentException e) {
            throw new QperfException("malformed counters from the server: " + e.getMessage(), e);
        }
    }
}
