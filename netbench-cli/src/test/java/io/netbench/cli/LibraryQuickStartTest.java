package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ResultJson;
import io.netbench.core.RunResult;
import io.netbench.core.TestResult;
import io.netbench.core.Thresholds;
import io.netbench.http.HttpBenchServer;
import io.netbench.http.HttpLoad;
import io.netbench.http.HttpLoadResult;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's library quick starts, as a user copies them (loopback and shorter runs). */
class LibraryQuickStartTest {
    @Test
    void theReadmesQuickStartsRun() throws Exception {
        try (QperfServer qperf = QperfServer.builder().port(0).build();
             HttpBenchServer http = HttpBenchServer.builder().port(0).threads(2).build()) {
            QperfResult bw = QperfClient.to("127.0.0.1", qperf.port()).test(QperfTest.TCP_BW).streams(2)
                    .time(Duration.ofSeconds(2)).run();
            TestResult checked = Thresholds.parse("bw<1B/s").check(bw.toTestResult("epoll").toBuilder()
                    .intervals(bw.intervals(1)).build());
            String json = ResultJson.write(RunResult.of(Instant.now(), List.of(), Map.of(), List.of(checked)));
            TestResult read = ResultJson.read(json).tests().get(0);
            assertEquals(6, read.intervals().size(), "2 seconds × (2 streams + their sum)");
            assertEquals(false, read.thresholds().get(0).breached());

            HttpLoadResult load = HttpLoad.to(URI.create("http://127.0.0.1:" + http.port() + "/")).threads(2)
                    .connections(8).duration(Duration.ofSeconds(1)).rate(500).run();
            assertTrue(load.percentile(99).compareTo(Duration.ZERO) > 0);
            assertTrue(load.requests() > 0);
        }
    }
}
