package io.netbench.tcp;

import io.netbench.core.CpuUsage;
import io.netbench.core.LatencyStats;
import io.netbench.core.Metric;
import io.netbench.core.TestResult;
import java.time.Duration;
import java.time.Instant;

/**
 * The immutable result of one qperf test, with the figures qperf derives and prints.
 *
 * <p>As in qperf, {@link #latencyNanos()} is half the round trip (the local real time divided by
 * the messages both sides received), {@link #msgRate()} counts messages of both directions, and
 * bandwidth figures are bytes per second. The counters are those of the client ({@code local})
 * and of the server ({@code remote}, from qperf's STAT). {@link #latency()} holds the
 * distribution of half round trips for latency tests (empty otherwise).
 */
public record QperfResult(QperfTest test, String target, Instant start, long msgSize, Duration time,
                          Counters local, Counters remote, CpuUsage localCpu, CpuUsage remoteCpu,
                          LatencyStats latency, QperfConf remoteConf) {

    /** What one side sent and received. */
    public record Counters(long sentBytes, long sentMsgs, long receivedBytes, long receivedMsgs) {
        public static final Counters ZERO = new Counters(0, 0, 0, 0);

        /** {@return these counters and {@code other}'s, added: what two parallel streams moved together} */
        public Counters plus(Counters other) {
            return new Counters(sentBytes + other.sentBytes, sentMsgs + other.sentMsgs,
                    receivedBytes + other.receivedBytes, receivedMsgs + other.receivedMsgs);
        }
    }

    /** Half the round trip in nanoseconds, as qperf's {@code latency}; 0 for bandwidth tests. */
    public double latencyNanos() {
        long msgs = local.receivedMsgs + remote.receivedMsgs;
        return msgs == 0 || !test.isLatency() ? 0 : localCpu.realSeconds() * 1e9 / msgs;
    }

    /** Messages per second in both directions, as qperf's {@code msg_rate}. */
    public double msgRate() {
        double loc = localCpu.realSeconds();
        double rem = remoteCpu.realSeconds();
        if (loc == 0 || rem == 0) {
            return 0;
        }
        if (remote.receivedMsgs == 0) {
            return local.receivedMsgs / rem;
        }
        if (local.receivedMsgs == 0) {
            return remote.receivedMsgs / loc;
        }
        return (local.receivedMsgs + remote.receivedMsgs) / ((loc + rem) / 2);
    }

    /** Bytes sent per second, as qperf's {@code send_bw}. */
    public double sendBandwidth() {
        return rate(local.sentBytes, remote.sentBytes);
    }

    /** Bytes received per second, as qperf's {@code recv_bw} (and {@code bw} of tcp_bw). */
    public double receiveBandwidth() {
        return rate(local.receivedBytes, remote.receivedBytes);
    }

    private double rate(long localBytes, long remoteBytes) {
        double loc = localCpu.realSeconds();
        double rem = remoteCpu.realSeconds();
        if (loc == 0 || rem == 0) {
            return 0;
        }
        if (remoteBytes == 0) {
            return localBytes / loc;
        }
        if (localBytes == 0) {
            return remoteBytes / rem;
        }
        return (localBytes + remoteBytes) / ((loc + rem) / 2);
    }

    /** CPU seconds per 10^9 bytes sent, when one side only sent; else 0 (qperf's send_cost). */
    public double sendCost() {
        if (local.sentBytes > 0 && local.receivedBytes == 0 && remote.sentBytes == 0) {
            return localCpu.cpuSeconds() * 1e9 / local.sentBytes;
        }
        if (remote.sentBytes > 0 && remote.receivedBytes == 0 && local.sentBytes == 0) {
            return remoteCpu.cpuSeconds() * 1e9 / remote.sentBytes;
        }
        return 0;
    }

    /** CPU seconds per 10^9 bytes received, when one side only received; else 0 (recv_cost). */
    public double receiveCost() {
        if (remote.receivedBytes > 0 && remote.sentBytes == 0 && local.receivedBytes == 0) {
            return remoteCpu.cpuSeconds() * 1e9 / remote.receivedBytes;
        }
        if (local.receivedBytes > 0 && local.sentBytes == 0 && remote.receivedBytes == 0) {
            return localCpu.cpuSeconds() * 1e9 / local.receivedBytes;
        }
        return 0;
    }

    /** This result in the shape shared with wrk results, for JSON, reports and merging. */
    public TestResult toTestResult(String transport) {
        TestResult.Builder b = TestResult.builder("qperf", test.qperfName()).target(target).transport(transport)
                .start(start).duration(time).param("msg_size", msgSize)
                .count("loc_send_bytes", local.sentBytes).count("loc_send_msgs", local.sentMsgs)
                .count("loc_recv_bytes", local.receivedBytes).count("loc_recv_msgs", local.receivedMsgs)
                .count("rem_send_bytes", remote.sentBytes).count("rem_send_msgs", remote.sentMsgs)
                .count("rem_recv_bytes", remote.receivedBytes).count("rem_recv_msgs", remote.receivedMsgs)
                .metric(Metric.MSG_RATE, msgRate()).localCpu(localCpu).remoteCpu(remoteCpu);
        if (test.isLatency()) {
            b.metric(Metric.LATENCY, latencyNanos()).histogram("latency", latency.histogram());
        } else {
            b.metric(Metric.SEND_BW, sendBandwidth()).metric(Metric.RECV_BW, receiveBandwidth())
                    .metric(Metric.SEND_COST, sendCost()).metric(Metric.RECV_COST, receiveCost());
        }
        return b.build();
    }
}
