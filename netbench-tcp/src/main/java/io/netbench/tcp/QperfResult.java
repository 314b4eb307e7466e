package io.netbench.tcp;

import io.netbench.core.CpuUsage;
import io.netbench.core.LatencyStats;
import io.netbench.core.Metric;
import io.netbench.core.NetCounters;
import io.netbench.core.TestResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The immutable result of one qperf test: what each side counted and the CPU it used, and the
 * figures qperf derives from them and prints.
 *
 * <pre>{@code
 * QperfResult r = QperfClient.to(host, port).test(QperfTest.TCP_BW).run();
 * double bytesPerSecond = r.receiveBandwidth();
 * TestResult shared = r.toTestResult("epoll"); // for JSON, reports, merging with wrk's
 * }</pre>
 *
 * <p>As in qperf, {@link #latencyNanos()} is half the round trip (the local real time divided by
 * the messages both sides received), {@link #msgRate()} counts messages of both directions, and
 * bandwidth figures are bytes per second. {@link #latency()} holds the distribution of half round
 * trips for latency tests (empty otherwise). conf and quit have counters of zero.
 *
 * @param test the test that ran
 * @param target the server as {@code host:port}
 * @param start when the run began (before it connected)
 * @param msgSize bytes per message
 * @param time the test's time as asked for (qperf's {@code time})
 * @param local what this side sent and received
 * @param remote what the server sent and received (qperf's STAT)
 * @param localCpu this machine's CPU during the test; its real time is the measured time
 * @param remoteCpu the server machine's CPU during the test, as its STAT reports it
 * @param latency half round trips of a latency test, one per message
 * @param remoteConf the server's description for conf, else {@code null}
 * @param localNet what this machine's network stack saw over the test (TCP_INFO of the data
 *                 connection, TCP counters, CPU by kind), or {@code null} when not sampled
 * @param remoteNet what the server's saw, as a netbench server reports it (a real qperf server:
 *                  the CPU split of its STAT alone), or {@code null}
 * @param streamSeconds for bandwidth tests, per stream, the bytes this side had sent (received with
 *                      reverse) by the end of each whole second of the test, the last entry at its end;
 *                      sampled off the measuring loop; empty for other tests
 * @param streamRetrans for bandwidth tests, per stream, its connection's total retransmissions
 *                      ({@code TCP_INFO}) at the start, at the end of each whole second and at the end,
 *                      so one entry more than {@code streamSeconds}; empty where TCP_INFO cannot be read
 */
public record QperfResult(QperfTest test, String target, Instant start, long msgSize, Duration time,
                          Counters local, Counters remote, CpuUsage localCpu, CpuUsage remoteCpu,
                          LatencyStats latency, QperfConf remoteConf, NetCounters localNet, NetCounters remoteNet,
                          List<List<Long>> streamSeconds, List<List<Long>> streamRetrans) {
    /**
     * Copies the per-second samples.
     *
     * @param test the test
     * @param target the server
     * @param start when the run began
     * @param msgSize bytes per message
     * @param time the test's time
     * @param local this side's counters
     * @param remote the server's counters
     * @param localCpu this machine's CPU
     * @param remoteCpu the server's CPU
     * @param latency half round trips
     * @param remoteConf the server's conf, or {@code null}
     * @param localNet this machine's network counters, or {@code null}
     * @param remoteNet the server's network counters, or {@code null}
     * @param streamSeconds per stream, bytes moved by the end of each second
     * @param streamRetrans per stream, its retransmissions at the start, each second's end and the end
     */
    public QperfResult {
        streamSeconds = streamSeconds.stream().map(List::copyOf).toList();
        streamRetrans = streamRetrans.stream().map(List::copyOf).toList();
    }

    /**
     * A bandwidth test's figures over consecutive intervals of {@code seconds} (iperf3's {@code -i}),
     * as this side saw them: with several streams one result per stream ({@code stream} param, from 1)
     * then their sum, per interval. Each has the params {@code from_sec} and {@code to_sec} (seconds
     * since the measured window began), {@code send_bw} (with reverse {@code recv_bw}) and the bytes, and
     * where the connections' TCP_INFO was read the segments they retransmitted in it
     * ({@code loc_tcp_retrans}, as iperf3's {@code Retr}).
     *
     * @param seconds the interval, at least 1; the last interval may be shorter
     * @return the intervals in time order, empty for latency tests, conf and quit
     * @throws IllegalArgumentException if {@code seconds} is below 1
     */
    public List<TestResult> intervals(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("interval must be at least 1 second: " + seconds);
        }
        boolean reverse = local.receivedBytes > 0 && local.sentBytes == 0;
        Metric metric = reverse ? Metric.RECV_BW : Metric.SEND_BW;
        List<TestResult> out = new ArrayList<>();
        int length = streamSeconds.isEmpty() ? 0 : streamSeconds.get(0).size();
        boolean retransKnown = streamRetrans.size() == streamSeconds.size()
                && streamRetrans.stream().allMatch(r -> r.size() == length + 1);
        for (int from = 0; from < length; from += seconds) {
            int to = Math.min(length, from + seconds);
            long sum = 0;
            long retransSum = 0;
            for (int s = 0; s < streamSeconds.size(); s++) {
                List<Long> at = streamSeconds.get(s);
                long bytes = at.get(to - 1) - (from == 0 ? 0 : at.get(from - 1));
                sum += bytes;
                long retrans = retransKnown ? streamRetrans.get(s).get(to) - streamRetrans.get(s).get(from) : 0;
                retransSum += retrans;
                if (streamSeconds.size() > 1) {
                    out.add(withRetrans(interval(from, to, metric, bytes).param("stream", s + 1), retransKnown, retrans)
                            .build());
                }
            }
            out.add(withRetrans(interval(from, to, metric, sum), retransKnown, retransSum).build());
        }
        return out;
    }

    private static TestResult.Builder withRetrans(TestResult.Builder interval, boolean known, long retrans) {
        return known ? interval.count("loc_tcp_retrans", retrans) : interval;
    }

    private TestResult.Builder interval(int from, int to, Metric metric, long bytes) {
        return TestResult.builder("qperf", test.qperfName()).duration(Duration.ofSeconds(to - from))
                .param("from_sec", from).param("to_sec", to).metric(metric, bytes / (double) (to - from))
                .count(metric == Metric.SEND_BW ? "loc_send_bytes" : "loc_recv_bytes", bytes);
    }

    /**
     * What one side sent and received.
     *
     * @param sentBytes bytes sent
     * @param sentMsgs messages sent
     * @param receivedBytes bytes received
     * @param receivedMsgs messages received (for tcp_bw, received bytes over msg_size)
     */
    public record Counters(long sentBytes, long sentMsgs, long receivedBytes, long receivedMsgs) {
        /** Nothing sent or received. */
        public static final Counters ZERO = new Counters(0, 0, 0, 0);

        /**
         * What two parallel streams moved together.
         *
         * @param other the other stream's counters
         * @return these and {@code other}, added field by field
         */
        public Counters plus(Counters other) {
            return new Counters(sentBytes + other.sentBytes, sentMsgs + other.sentMsgs,
                    receivedBytes + other.receivedBytes, receivedMsgs + other.receivedMsgs);
        }
    }

    /** {@return half the round trip in nanoseconds, as qperf's {@code latency}; 0 for bandwidth tests} */
    public double latencyNanos() {
        long msgs = local.receivedMsgs + remote.receivedMsgs;
        return msgs == 0 || !test.isLatency() ? 0 : localCpu.realSeconds() * 1e9 / msgs;
    }

    /** {@return messages per second in both directions, as qperf's {@code msg_rate}} */
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

    /** {@return bytes sent per second, as qperf's {@code send_bw}} */
    public double sendBandwidth() {
        return rate(local.sentBytes, remote.sentBytes);
    }

    /** {@return bytes received per second, as qperf's {@code recv_bw} (and {@code bw} of tcp_bw)} */
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

    /** {@return CPU seconds per 10^9 bytes sent, when one side only sent; else 0 (qperf's {@code send_cost})} */
    public double sendCost() {
        if (local.sentBytes > 0 && local.receivedBytes == 0 && remote.sentBytes == 0) {
            return localCpu.cpuSeconds() * 1e9 / local.sentBytes;
        }
        if (remote.sentBytes > 0 && remote.receivedBytes == 0 && local.sentBytes == 0) {
            return remoteCpu.cpuSeconds() * 1e9 / remote.sentBytes;
        }
        return 0;
    }

    /** {@return CPU seconds per 10^9 bytes received, when one side only received; else 0 ({@code recv_cost})} */
    public double receiveCost() {
        if (remote.receivedBytes > 0 && remote.sentBytes == 0 && local.receivedBytes == 0) {
            return remoteCpu.cpuSeconds() * 1e9 / remote.receivedBytes;
        }
        if (local.receivedBytes > 0 && local.sentBytes == 0 && remote.receivedBytes == 0) {
            return localCpu.cpuSeconds() * 1e9 / local.receivedBytes;
        }
        return 0;
    }

    /**
     * This result in the shape shared with wrk's, for JSON, reports and merging.
     *
     * @param transport the transport the run used, as the results name it (e.g. {@code epoll})
     * @return the counters, the derived metrics, both sides' CPU and network counters and, for
     *         latency tests, the histogram
     */
    public TestResult toTestResult(String transport) {
        TestResult.Builder b = TestResult.builder("qperf", test.qperfName()).target(target).transport(transport)
                .start(start).duration(time).param("msg_size", msgSize)
                .count("loc_send_bytes", local.sentBytes).count("loc_send_msgs", local.sentMsgs)
                .count("loc_recv_bytes", local.receivedBytes).count("loc_recv_msgs", local.receivedMsgs)
                .count("rem_send_bytes", remote.sentBytes).count("rem_send_msgs", remote.sentMsgs)
                .count("rem_recv_bytes", remote.receivedBytes).count("rem_recv_msgs", remote.receivedMsgs)
                .metric(Metric.MSG_RATE, msgRate()).localCpu(localCpu).remoteCpu(remoteCpu).net(localNet, remoteNet);
        if (test.isLatency()) {
            b.metric(Metric.LATENCY, latencyNanos()).histogram("latency", latency.histogram());
        } else {
            b.metric(Metric.SEND_BW, sendBandwidth()).metric(Metric.RECV_BW, receiveBandwidth())
                    .metric(Metric.SEND_COST, sendCost()).metric(Metric.RECV_COST, receiveCost());
        }
        return b.build();
    }
}
