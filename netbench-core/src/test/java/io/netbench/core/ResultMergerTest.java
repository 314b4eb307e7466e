package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
                .count("requests", 50_000).count("errors_read", seed).metric("requests_per_sec", 5000 + seed)
                .metric("latency_p99_ns", latency.getValueAtPercentile(99)).metric("latency_mean_ns", latency.getMean())
                .histogram("latency", latency).build();
    }

    @Test
    void mergedPercentilesAreThoseOfAllSamplesAndCountsAndRatesAdd() {
        Histogram all = LatencyRecorder.newHistogram();
        List<TestResult> clients = List.of(client(0, 34, all), client(1, 33, all), client(2, 33, all));
        TestResult merged = ResultMerger.mergeTests(clients);
        assertEquals(150_000, merged.counts().get("requests"));
        assertEquals(3, merged.counts().get("errors_read"));
        assertEquals(15_003, merged.metrics().get("requests_per_sec"), 1e-9);
        assertEquals("100", merged.params().get("connections"));
        Histogram mergedLatency = HistogramCodec.decode(merged.histograms().get("latency"));
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertEquals(all.getValueAtPercentile(p), mergedLatency.getValueAtPercentile(p), "p" + p);
        }
        assertEquals(all.getValueAtPercentile(99), merged.metrics().get("latency_p99_ns"), 0.0);
        double averaged = clients.stream().mapToDouble(c -> c.metrics().get("latency_p99_ns")).average().orElseThrow();
        assertTrue(Math.abs(averaged - merged.metrics().get("latency_p99_ns")) > 1_000_000, "never averaged");
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
        RunResult one = new RunResult("1", Instant.EPOCH, List.of(), List.of(qperf));
        RunResult two = new RunResult("1", Instant.EPOCH, List.of(), List.of(qperf, qperf));
        assertThrows(IllegalArgumentException.class, () -> ResultMerger.merge(List.of(one, two)));
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
