package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netbench.core.CpuUsage;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.core.TestResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link QperfResult#intervals}: bytes and retransmissions per interval, per stream and summed. */
class QperfResultIntervalsTest {
    private static final CpuUsage NONE = new CpuUsage(0, 0, 0, 0, 0, 0, Double.NaN);

    private static QperfResult twoStreams(List<List<Long>> retrans) {
        QperfResult.Counters sent = new QperfResult.Counters(450, 3, 0, 0);
        return new QperfResult(QperfTest.TCP_BW, "127.0.0.1:1", Instant.EPOCH, 50, Duration.ofSeconds(3), sent,
                new QperfResult.Counters(0, 0, 450, 9), NONE, NONE, LatencyStats.of(LatencyRecorder.newHistogram()),
                null, null, null, List.of(List.of(100L, 200L, 300L), List.of(50L, 100L, 150L)), retrans);
    }

    private static List<Long> counts(List<TestResult> intervals, String key) {
        return intervals.stream().map(i -> i.counts().get(key)).toList();
    }

    @Test
    void eachIntervalCountsTheSegmentsItsConnectionsRetransmitted() {
        QperfResult r = twoStreams(List.of(List.of(5L, 5L, 7L, 10L), List.of(0L, 1L, 1L, 1L)));
        List<TestResult> perSecond = r.intervals(1); // stream 1, stream 2, sum; per second
        assertEquals(List.of(100L, 50L, 150L, 100L, 50L, 150L, 100L, 50L, 150L), counts(perSecond, "loc_send_bytes"));
        assertEquals(List.of(0L, 1L, 1L, 2L, 0L, 2L, 3L, 0L, 3L), counts(perSecond, "loc_tcp_retrans"));
        List<TestResult> twoSeconds = r.intervals(2);
        assertEquals(List.of(2L, 1L, 3L, 3L, 0L, 3L), counts(twoSeconds, "loc_tcp_retrans"),
                "the intervals add up to the test: 5 + 1");
    }

    @Test
    void withoutTcpInfoThereIsNoRetransmissionCountNotAZero() {
        twoStreams(List.of()).intervals(1).forEach(i -> assertFalse(i.counts().containsKey("loc_tcp_retrans"), i.toString()));
    }
}
