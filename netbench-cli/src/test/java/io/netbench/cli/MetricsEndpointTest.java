package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ServerMetrics;
import io.netbench.http.HttpBenchServer;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /metrics as a scraper sees it: both servers of a process counting into one registry. */
class MetricsEndpointTest {
    @Test
    void aScrapeShowsBothServersSideOfARun() throws Exception {
        ServerMetrics metrics = new ServerMetrics();
        try (QperfServer qperf = QperfServer.builder().port(0).maxTime(Duration.ofSeconds(1)).metrics(metrics).build();
             HttpBenchServer http = HttpBenchServer.builder().port(0).threads(1).metrics(metrics).build()) {
            QperfClient.to("127.0.0.1", qperf.port()).test(QperfTest.TCP_LAT).time(Duration.ofSeconds(1)).run();
            assertThrows(QperfException.class, () -> QperfClient.to("127.0.0.1", qperf.port()).test(QperfTest.TCP_BW)
                    .time(Duration.ofSeconds(2)).run(), "beyond --max-time: refused");
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + http.port());
            client.send(HttpRequest.newBuilder(base.resolve("/status/503")).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            String body = scrape.body();
            assertTrue(body.contains("\nnetbench_qperf_sessions_total{test=\"tcp_lat\"} 1\n"), body);
            assertTrue(body.contains("\nnetbench_qperf_refusals_total{reason=\"limit\"} 1\n"), body);
            assertTrue(body.contains("\nnetbench_qperf_sessions_active 0\n"), body);
            assertTrue(body.contains("\nnetbench_http_responses_total{code=\"503\"} 1\n"), body);
            assertTrue(body.contains("# TYPE netbench_http_connections_open gauge\nnetbench_http_connections_open 1\n"),
                    body);
        }
    }
}
