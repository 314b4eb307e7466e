package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultMergerTest {
    private static TestResult client(int seed, long connections, Histogram all) {
        Random random = new Random(seed);
        Histogram latency = LatencyRecorder.newHistogram();
        for (int i = 0; i < 50_000; i++) {
            long v = seed == 2 ? 5_000_000 + random.nextInt(5_000_000) : 100_000 + random.nextInt(50_000);
            latency.recordValue(v);
            all.recordValue(v);
        }
        return TestResult.builder("wrk", "http").target("http://svc:8080/").duration(Duration.ofSeconds(10))
                .start(Instant.parse("2026-11-24T21:00:00Z")).param("connections", connections).param("rate", 0)
                .count("requests", 50_000).count("errors_read", seed).metric(Metric.REQUESTS_PER_SEC, 5000 + seed)
                .metric(Metric.LATENCY_P99, latency.getValueAtPercentile(99)).metric(Metric.LATENCY_MEAN, latency.getMean())
                .metric(Metric.SEND_COST, 1.5)
                .histogram("latency", latency).build();
    }

    @Test
    void mergedPercentilesAreThoseOfAllSamplesAndCountsAndRatesAdd() {
        Histogram all = LatencyRecorder.newHistogram();
        List<TestResult> clients = List.of(client(0, 34, all), client(1, 33, all), client(2, 33, all));
        TestResult merged = ResultMerger.mergeTests(clients);
        assertEquals(150_000, merged.counts().get("requests"));
        assertEquals(3, merged.counts().get("errors_read"));
        assertEquals(15_003, merged.metric(Metric.REQUESTS_PER_SEC).orElseThrow(), 1e-9);
        assertTrue(merged.metric(Metric.SEND_COST).isEmpty(), "a figure that does not merge is dropped");
        assertEquals("100", merged.params().get("connections"));
        Histogram mergedLatency = HistogramCodec.decode(merged.histograms().get("latency"));
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertEquals(all.getValueAtPercentile(p), mergedLatency.getValueAtPercentile(p), "p" + p);
        }
        double p99 = merged.metric(Metric.LATENCY_P99).orElseThrow();
        assertEquals(all.getValueAtPercentile(99), p99, 0.0);
        double averaged = clients.stream().mapToDouble(c -> c.metric(Metric.LATENCY_P99).orElseThrow()).average()
                .orElseThrow();
        assertTrue(Math.abs(averaged - p99) > 1_000_000, "never averaged");
        assertEquals(all.getMean(), merged.metric(Metric.LATENCY_MEAN).orElseThrow(), 1.0);
    }

    @Test
    void mismatchesAreRefusedByName() {
        Histogram all = LatencyRecorder.newHistogram();
        TestResult wrk = client(0, 10, all);
        TestResult qperf = TestResult.builder("qperf", "tcp_lat").param("msg_size", 64).build();
        IllegalArgumentException tests = assertThrows(IllegalArgumentException.class,
                () -> ResultMerger.mergeTests(List.of(wrk, qperf)));
        assertTrue(tests.getMessage().contains("cannot merge wrk http with qperf tcp_lat"), tests.getMessage());
        TestResult other = TestResult.builder("qperf", "tcp_lat").param("msg_size", 4096).build();
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ResultMerger.mergeTests(List.of(qperf, other)));
        assertTrue(size.getMessage().contains("different msg_size: 64 and 4096"), size.getMessage());
        RunResult one = RunResult.of(Instant.EPOCH, List.of(), Map.of(), List.of(qperf));
        RunResult two = RunResult.of(Instant.EPOCH, List.of(), Map.of(), List.of(qperf, qperf));
        assertThrows(IllegalArgumentException.class, () -> ResultMerger.merge(List.of(one, two)));
    }

    @Test
    void aRunGivenTwiceIsRefusedNamingBothSources() {
        TestResult qperf = TestResult.builder("qperf", "tcp_lat").param("msg_size", 64).build();
        RunResult a = RunResult.of(Instant.EPOCH, List.of(), Map.of("pod", "a", "runtime", "runc"), List.of(qperf));
        RunResult b = RunResult.of(Instant.EPOCH, List.of(), Map.of("pod", "b", "runtime", "runc"), List.of(qperf));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultMerger.merge(List.of(a, b, a), List.of("a.json", "b.json", "copy.json")));
        assertEquals("copy.json repeats run " + a.runId() + " of a.json", e.getMessage());
        RunResult merged = ResultMerger.merge(List.of(a, b));
        assertEquals(Map.of("runtime", "runc"), merged.labels(), "labels the clients share are kept");
        assertTrue(!merged.runId().equals(a.runId()) && !merged.runId().equals(b.runId()));
    }

    @Test
    void sharesAddUpExactlyForEveryClientCount() {
        for (int n = 1; n <= 64; n++) {
            for (long total = 0; total <= 1000; total += 7) {
                List<Long> shares = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    shares.add(LoadShare.of(total, n, i));
                }
                assertEquals(total, shares.stream().mapToLong(Long::longValue).sum(), total + " over " + n);
                long min = shares.stream().mapToLong(Long::longValue).min().orElseThrow();
                long max = shares.stream().mapToLong(Long::longValue).max().orElseThrow();
                assertTrue(max - min <= 1, "even shares");
            }
        }
        assertEquals(List.of(3, 8), List.of(LoadShare.parse("3/8")[0], LoadShare.parse("3/8")[1]));
        assertThrows(IllegalArgumentException.class, () -> LoadShare.parse("8/8"));
        assertThrows(IllegalArgumentException.class, () -> LoadShare.parse("x"));
    }
}
