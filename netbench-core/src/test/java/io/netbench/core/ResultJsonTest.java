package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
                .duration(Duration.ofSeconds(2)).param("msg_size", 64).metric(Metric.LATENCY, 25_400.5)
                .metric(Metric.MSG_RATE, Double.NaN).count("msgs", 78_000).histogram("latency", latency)
                .localCpu(new CpuUsage(2, 0.8, 0.1, 0.2, 0.1, 0, 0.35))
                .remoteCpu(new CpuUsage(2, 0.8, 0.1, 0.2, 0.1, 0, Double.NaN)).build();
        RunResult run = RunResult.of(Instant.parse("2026-11-24T21:00:00Z"), List.of("qperf", "127.0.0.1", "tcp_lat"),
                Map.of("runtime", "runc"), List.of(test));
        String json = ResultJson.write(run);
        assertTrue(json.contains("\"format\" : \"netbench-result/2\""), json);
        assertTrue(json.contains("\"latency_ns\" : 25400.5"), "metric keys carry their unit: " + json);
        RunResult read = ResultJson.read(json);
        assertEquals(Map.of(Metric.LATENCY, 25_400.5), read.tests().get(0).metrics(), "the NaN metric is left out");
        assertEquals(run.runId(), read.runId());
        assertEquals(Map.of("runtime", "runc"), read.labels());
        assertEquals(run.environment(), read.environment());
        assertTrue(read.environment().containsKey("kernel") && read.environment().containsKey("cpus"),
                read.environment().toString());
        TestResult bare = TestResult.builder("qperf", "tcp_lat").build();
        assertEquals(bare, ResultJson.read(ResultJson.write(run.withTests(List.of(bare)))).tests().get(0));
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
    void readsVersionOneWithItsMetricsRenamed() throws Exception {
        String v1 = new String(ResultJsonTest.class.getResourceAsStream("/result-v1.json").readAllBytes(),
                StandardCharsets.UTF_8);
        RunResult run = ResultJson.read(v1);
        assertEquals(1_140_000.0, run.tests().get(0).metric(Metric.RECV_BW).orElseThrow());
        assertEquals(12_500, run.tests().get(1).metric(Metric.LATENCY).orElseThrow());
        assertEquals(Map.of(), run.labels());
        assertEquals(run.runId(), ResultJson.read(v1).runId(), "an old file has a stable id, so merge spots it twice");
        TestResult http = run.tests().get(2);
        assertEquals(1_000_000L, http.counts().get("read_bytes"));
        assertEquals(20_000, http.metric(Metric.TRANSFER).orElseThrow());
    }

    @Test
    void namesTheLineThatIsNotJson() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultJson.read(
                "Picked up JAVA_TOOL_OPTIONS: -Xmx256m\n{\"format\":\"netbench-result/2\"}"));
        assertTrue(e.getMessage().startsWith("line 1 is not JSON: 'Picked up JAVA_TOOL_OPTIONS: -Xmx256m'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResultJson.read("\n\nnotice: epoll unavailable\n{}"));
        assertTrue(e.getMessage().startsWith("line 3 is not JSON: 'notice: epoll unavailable'"), e.getMessage());
    }

    @Test
    void builderNamesTheBadField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestResult.builder("wrk", "http").duration(Duration.ofSeconds(-1)).build());
        assertTrue(e.getMessage().startsWith("duration"), e.getMessage());
    }

    @Test
    void readsSeveralDocumentsOneAfterTheOther() {
        TestResult test = TestResult.builder("qperf", "tcp_lat").param("msg_size", 64).build();
        RunResult a = RunResult.of(Instant.parse("2026-12-01T10:00:00Z"), List.of(), Map.of("pod", "a"), List.of(test));
        RunResult b = RunResult.of(Instant.parse("2026-12-01T10:00:00Z"), List.of(), Map.of("pod", "b"), List.of(test));
        String logs = ResultJson.write(a) + "\n" + ResultJson.write(b) + "\n";
        List<RunResult> runs = ResultJson.readAll(logs);
        assertEquals(List.of(a.runId(), b.runId()), runs.stream().map(RunResult::runId).toList());
        assertEquals(Map.of("pod", "b"), runs.get(1).labels());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> ResultJson.read(logs));
        assertEquals("expected one netbench result, found 2", one.getMessage());
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class,
                () -> ResultJson.readAll(ResultJson.write(a) + "\n{\"format\":\"other\"}"));
        assertTrue(second.getMessage().startsWith("document 2: not a netbench result"), second.getMessage());
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
                () -> ResultJson.readAll(ResultJson.write(a) + "\nPicked up JAVA_TOOL_OPTIONS\n"));
        assertTrue(garbage.getMessage().startsWith("not valid JSON: "), garbage.getMessage());
    }

    @Test
    void oldDocumentsInOneTextGetRunIdsOfTheirOwn() throws Exception {
        String v1 = new String(ResultJsonTest.class.getResourceAsStream("/result-v1.json").readAllBytes(),
                StandardCharsets.UTF_8);
        List<RunResult> runs = ResultJson.readAll(v1 + v1);
        assertEquals(2, runs.size());
        assertTrue(!runs.get(0).runId().equals(runs.get(1).runId()), runs.get(0).runId());
    }
}
