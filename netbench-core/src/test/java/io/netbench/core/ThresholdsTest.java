package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private static TestResult wrk(long requests, long timeouts, long... latenciesNanos) {
        Histogram h = LatencyRecorder.newHistogram();
        for (long l : latenciesNanos) {
            h.recordValue(l);
        }
        TestResult.Builder b = TestResult.builder("wrk", "http").duration(Duration.ofSeconds(1))
                .count("requests", requests).count("errors_connect", 0).count("errors_timeout", timeouts)
                .count("errors_status", 0).count("status_200", requests).metric(Metric.REQUESTS_PER_SEC, requests)
                .histogram("latency", h);
        if (latenciesNanos.length > 0) {
            b.metric(Metric.LATENCY_P99, LatencyStats.of(h).percentileNanos(99));
        }
        return b.build();
    }

    private static TestResult qperf(String test, Metric metric, double value) {
        return TestResult.builder("qperf", test).param("msg_size", 64).metric(metric, value).build();
    }

    @Test
    void readsWrkFiguresWithUnits() {
        Thresholds gate = Thresholds.parse("p99>5ms, errors>0,rps<1000");
        TestResult ok = gate.check(wrk(2000, 0, 1_000_000, 2_000_000));
        assertEquals(3, ok.thresholds().size());
        assertEquals(List.of(), gate.breaches(ok));
        TestResult slow = gate.check(wrk(500, 3, 1_000_000, 7_200_000));
        assertEquals(List.of("p99>5ms (p99 = 7.2ms)", "errors>0 (errors = 3)", "rps<1000 (rps = 500)"),
                gate.breaches(slow));
    }

    @Test
    void anyPercentileComesFromTheHistogram() {
        Thresholds gate = Thresholds.parse("p50>=1500us");
        assertTrue(gate.check(wrk(3, 0, 1_000_000, 2_000_000, 3_000_000)).thresholds().get(0).breached());
        assertFalse(Thresholds.parse("p50>2.5ms").check(wrk(3, 0, 1_000_000, 2_000_000, 3_000_000))
                .thresholds().get(0).breached());
    }

    @Test
    void aRunWithoutSuccessBreachesLatencyThresholds() {
        Thresholds gate = Thresholds.parse("p99>5ms");
        TestResult nothing = gate.check(wrk(0, 10));
        assertEquals(List.of("p99>5ms (p99 = not measured)"), gate.breaches(nothing));
    }

    @Test
    void qperfThresholdsApplyToTheTestsThatHaveTheFigure() {
        Thresholds gate = Thresholds.parse("lat>50us,bw<1GB/s");
        TestResult lat = gate.check(qperf("tcp_lat", Metric.LATENCY, 61_300));
        TestResult bw = gate.check(qperf("tcp_bw", Metric.RECV_BW, 2.5e9));
        assertEquals(List.of("lat>50us (lat = 61.3us)"), gate.breaches(lat));
        assertEquals(List.of(), gate.breaches(bw));
        assertEquals(1, bw.thresholds().size(), "lat does not apply to tcp_bw");
        assertTrue(Thresholds.parse("bw<21Gb/s").check(bw).thresholds().get(0).breached(), "2.5 GB/s is 20 Gb/s");
        assertFalse(Thresholds.parse("bw<20Gb/s").check(bw).thresholds().get(0).breached());
        assertFalse(Thresholds.parse("bw<2GiB/s").check(bw).thresholds().get(0).breached());
        assertEquals(List.of("msg_rate<1k"), Thresholds.parse("lat>50us,msg_rate<1k").unused(List.of(lat)));
    }

    @Test
    void countsAndMetricKeysAreNamesToo() {
        TestResult r = wrk(100, 2, 1_000);
        assertTrue(Thresholds.parse("errors_timeout>=2").check(r).thresholds().get(0).breached());
        assertFalse(Thresholds.parse("latency_p99_ns>1ms").check(r).thresholds().get(0).breached());
        assertFalse(Thresholds.parse("non2xx>0").check(r).thresholds().get(0).breached());
    }

    @Test
    void badThresholdsSayWhatIsWrong() {
        assertEquals("threshold 'p99>5': p99 is a time: give its limit in ns, us, ms or s",
                assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("p99>5")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("bw<1GB"))
                .getMessage().contains("not 'GB'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("p99 is 5ms"))
                .getMessage().startsWith("threshold 'p99 is 5ms': expected NAME OP LIMIT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("p99>5ms,latnecy>1ms"))
                .getMessage().startsWith("threshold 'latnecy>1ms': unknown figure 'latnecy'"));
    }

    @Test
    void checksTravelInJson() {
        Thresholds gate = Thresholds.parse("p99>5ms,errors>0");
        TestResult checked = gate.check(wrk(0, 10));
        RunResult run = RunResult.of(Instant.now(), List.of(), Map.of(), List.of(checked));
        String json = ResultJson.write(run);
        assertTrue(json.contains("\"threshold\" : \"p99>5ms\""), json);
        assertEquals(checked.thresholds(), ResultJson.read(json).tests().get(0).thresholds());
    }
}
