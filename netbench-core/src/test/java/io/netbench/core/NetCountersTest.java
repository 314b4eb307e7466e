package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NetCountersTest {
    private static final TcpInfo START = new TcpInfo(1, "bbr", Map.of("total_retrans", 3L, "snd_mss", 1448L,
            "bytes_acked", 1000L, "rtt", 40L));
    private static final TcpInfo END = new TcpInfo(1, "bbr", Map.of("total_retrans", 504L, "snd_mss", 1448L,
            "bytes_acked", 9_001_000L, "rtt", 120L));

    @Test
    void cumulativeFieldsAreTheTestsShareAndGaugesTheirLastValue() {
        NetCounters c = new NetCounters(START, END, Map.of("Tcp.RetransSegs", 501L), Map.of("softirq", 0.41));
        assertEquals(OptionalLong.of(501), c.tcp("total_retrans"));
        assertEquals(OptionalLong.of(9_000_000), c.tcp("bytes_acked"));
        assertEquals(OptionalLong.of(120), c.tcp("rtt"));
        assertEquals(OptionalLong.empty(), c.tcp("pacing_rate"), "not reported: absent, not 0");
        assertEquals(OptionalLong.of(504), new NetCounters(null, END, Map.of(), Map.of()).tcp("total_retrans"),
                "no start: connections opened within the test");
        assertEquals(OptionalLong.empty(), new NetCounters(START, null, Map.of(), Map.of()).tcp("snd_mss"));
        assertFalse(c.isEmpty());
        assertTrue(new NetCounters(null, null, Map.of(), Map.of()).isEmpty());
    }

    @Test
    void connectionsAddCountsAndAverageGauges() {
        TcpInfo other = new TcpInfo(3, "cubic", Map.of("total_retrans", 1L, "rtt", 80L, "snd_mss", 1448L));
        TcpInfo sum = START.plus(other);
        assertEquals(4, sum.connections());
        assertEquals(OptionalLong.of(4), sum.field("total_retrans"));
        assertEquals(OptionalLong.of(70), sum.field("rtt"), "(40 + 3 * 80) / 4");
        assertEquals(OptionalLong.empty(), sum.field("bytes_acked"), "one side lacks it");
        assertNull(sum.congestion(), "the algorithms differ");
        assertEquals(List.of("snd_mss", "rtt", "total_retrans"), List.copyOf(sum.fields().keySet()),
                "in the kernel's order");
    }

    @Test
    void theCpuSplitKeepsSoftirqApartFromSystem() {
        long[] start = new long[CpuSnapshot.FIELDS];
        long[] end = new long[CpuSnapshot.FIELDS];
        end[CpuSnapshot.REAL] = 200;
        end[CpuSnapshot.SOFTIRQ] = 82;
        end[CpuSnapshot.SYSTEM] = 24;
        end[CpuSnapshot.USER] = 50;
        end[CpuSnapshot.NICE] = 10;
        Map<String, Double> split = NetCounters.cpuSplit(start, end, 100);
        assertEquals(0.41, split.get("softirq"), 1e-9);
        assertEquals(0.12, split.get("system"), 1e-9);
        assertEquals(0.30, split.get("user"), 1e-9);
        assertEquals(Map.of(), NetCounters.cpuSplit(start, new long[CpuSnapshot.FIELDS], 100), "no time passed");
    }

    @Test
    void resultsCarryBothEndsInJsonAndOlderFilesReadWithout() {
        NetCounters local = new NetCounters(START, END, Map.of("Tcp.RetransSegs", 501L), Map.of("softirq", 0.41));
        NetCounters remote = new NetCounters(null, null, Map.of(), Map.of("softirq", 0.1));
        TestResult t = TestResult.builder("qperf", "tcp_bw").duration(Duration.ofSeconds(2)).net(local, remote).build();
        RunResult run = RunResult.of(Instant.EPOCH, List.of(), Map.of(), List.of(t));
        String json = ResultJson.write(run);
        assertTrue(json.contains("\"tcp_info\""), json);
        assertTrue(json.contains("\"congestion\" : \"bbr\""), json);
        TestResult read = ResultJson.read(json).tests().get(0);
        assertEquals(local, read.localNet());
        assertEquals(remote, read.remoteNet());
        TestResult bare = TestResult.builder("qperf", "tcp_bw").build();
        String old = ResultJson.write(run.withTests(List.of(bare)));
        assertFalse(old.contains("tcp_info"), "nothing sampled, nothing written");
        assertNull(ResultJson.read(old).tests().get(0).localNet());
        assertEquals(local, NetCounters.fromJson(local.toJson()));
    }
}
