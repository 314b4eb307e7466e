package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
    @Test
    void roundTripsEveryField() {
        Histogram latency = LatencyRecorder.newHistogram();
        latency.recordValue(25_400);
        latency.recordValue(31_000);
        TestResult test = TestResult.builder("qperf", "tcp_lat")
                .target("127.0.0.1:19765").transport("epoll").start(Instant.parse("2026-11-24T21:00:00Z"))
                .duration(Duration.ofSeconds(2)).param("msg_size", 64).metric("latency_ns", 25_400.5)
                .metric("unknown", Double.NaN).count("msgs", 78_000).histogram("latency", latency)
                .localCpu(new CpuUsage(2, 0.8, 0.1, 0.2, 0.1, 0, 0.35))
                .remoteCpu(new CpuUsage(2, 0.8, 0.1, 0.2, 0.1, 0, Double.NaN)).build();
        RunResult run = new RunResult("0.1.0", Instant.parse("2026-11-24T21:00:00Z"),
                List.of("qperf", "127.0.0.1", "tcp_lat"), List.of(test));
        String json = ResultJson.write(run);
        assertTrue(json.contains("\"format\" : \"netbench-result/1\""), json);
        RunResult read = ResultJson.read(json);
        assertEquals(run.tests().get(0).toBuilder().build().metrics().size() - 1,
                read.tests().get(0).metrics().size(), "the NaN metric is left out");
        TestResult withoutNan = TestResult.builder("qperf", "tcp_lat").build();
        assertEquals(withoutNan, ResultJson.read(ResultJson.write(new RunResult("0.1.0", run.start(), List.of(),
                List.of(withoutNan)))).tests().get(0));
        assertEquals(test.params(), read.tests().get(0).params());
        assertEquals(test.counts(), read.tests().get(0).counts());
        assertEquals(test.localCpu(), read.tests().get(0).localCpu());
        assertEquals(test.start(), read.tests().get(0).start());
        assertEquals(latency, HistogramCodec.decode(read.tests().get(0).histograms().get("latency")));
    }

    @Test
    void refusesOtherDocuments() {
        assertThrows(IllegalArgumentException.class, () -> ResultJson.read("{\"format\":\"other\"}"));
        assertThrows(IllegalArgumentException.class, () -> ResultJson.read("not json"));
        assertThrows(IllegalArgumentException.class,
                () -> ResultJson.read("{\"format\":\"netbench-result/1\",\"tests\":[{}]}"));
    }

    @Test
    void builderNamesTheBadField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestResult.builder("wrk", "http").duration(Duration.ofSeconds(-1)).build());
        assertTrue(e.getMessage().startsWith("duration"), e.getMessage());
    }
}
