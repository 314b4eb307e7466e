package io.netbench.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.Metric;
import io.netbench.core.NetCounters;
import io.netbench.core.RunResult;
import io.netbench.core.TcpInfo;
import io.netbench.core.TestResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The why column: beside a cell that differs from the baseline, the counters that differ most. */
class ExplanationTest {
    private static NetCounters end(long mss, long retrans, double softirq) {
        return new NetCounters(new TcpInfo(1, "bbr", Map.of("total_retrans", 0L)),
                new TcpInfo(1, "bbr", Map.of("snd_mss", mss, "total_retrans", retrans, "rtt", 40L)),
                Map.of("Tcp.RetransSegs", retrans), Map.of("softirq", softirq, "system", 0.3));
    }

    private static Column column(String name, double bandwidth, NetCounters local, NetCounters remote) {
        List<RunResult> runs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            TestResult t = TestResult.builder("qperf", "tcp_bw").duration(Duration.ofSeconds(1)).param("msg_size", 4096)
                    .metric(Metric.RECV_BW, bandwidth * (1 + round * 0.01)).net(local, remote).build();
            runs.add(RunResult.of(Instant.EPOCH, List.of(), Map.of(), List.of(t)));
        }
        return new Column(name, runs);
    }

    @Test
    void aShapedLinkIsExplainedByItsMssRetransmissionsAndSoftirq() {
        Column loopback = column("loopback", 1.9e9, end(65483, 0, 0.12), end(65483, 0, 0.10));
        Column shaped = column("shaped", 0.33e9, end(1448, 501, 0.41), end(1448, 2, 0.10));
        String md = Report.render(List.of(loopback, shaped), Report.Format.MD, 0.95, Map.of());
        assertTrue(md.contains("| msg_size | loopback | shaped | why (shaped) |"), md);
        assertTrue(md.contains("MSS 1448 vs 65483"), md);
        assertTrue(md.contains("retrans 501 vs 0"), md);
        assertFalse(md.contains("rem MSS"), "the server's MSS says the same as this end's: " + md);
        String json = Report.render(List.of(loopback, shaped), Report.Format.JSON, 0.95, Map.of());
        assertTrue(json.contains("\"why\" : \"retrans 501 vs 0, MSS 1448 vs 65483, softirq 41 % vs 12 %\""), json);
    }

    @Test
    void lossesAreNamedBeforeCountersThatDifferMore() {
        Column loopback = column("loopback", 1.9e9, end(65483, 40, 0.01), null);
        Column shaped = column("shaped", 0.05e9, end(1448, 1100, 0.80), null);
        String why = Explanation.of(loopback.runs().stream().flatMap(r -> r.tests().stream()).toList(),
                shaped.runs().stream().flatMap(r -> r.tests().stream()).toList());
        assertEquals("retrans 1100 vs 40, softirq 80 % vs 1 %, MSS 1448 vs 65483", why,
                "softirq and MSS differ by 99 and 98 %, the retransmissions by 96 %");
    }

    @Test
    void noDifferenceOrNoCountersMeansNoWhyColumn() {
        Column a = column("a", 1.9e9, end(65483, 0, 0.12), null);
        Column same = column("same", 1.9e9, end(65483, 0, 0.12), null);
        assertFalse(Report.render(List.of(a, same), Report.Format.MD, 0.95, Map.of()).contains("why"));
        Column old = column("old", 0.3e9, null, null);
        assertFalse(Report.render(List.of(a, old), Report.Format.MD, 0.95, Map.of()).contains("why"),
                "results without counters (older files) report as before");
        assertNull(Explanation.of(List.of(), List.of()));
        assertEquals(3, Explanation.MOST);
    }
}
