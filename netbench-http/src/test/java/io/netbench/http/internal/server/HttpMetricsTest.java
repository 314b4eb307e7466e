package io.netbench.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.ServerMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** /metrics on the HTTP port: what the connection counted, in Prometheus' text format. */
class HttpMetricsTest {
    private static String send(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            out.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return out.toString();
    }

    @Test
    void countsConnectionsBytesAndResponsesByStatus() {
        ServerMetrics metrics = new ServerMetrics();
        EmbeddedChannel ch = new EmbeddedChannel();
        try (HttpServerInitializer initializer = new HttpServerInitializer(ch.eventLoop(),
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), 10, 0, 1024, 0, s -> { }, metrics)) {
            ch.pipeline().addLast(initializer);
            ch.pipeline().fireChannelActive();
            String hello = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            String requests = hello + hello + "GET /status/503 HTTP/1.1\r\n\r\nGET /nothing HTTP/1.1\r\n\r\n";
            String scrape = "GET /metrics HTTP/1.1\r\n\r\n";
            String first = send(ch, requests);
            String text = send(ch, scrape);
            assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n"), text);
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            assertTrue(body.contains("# TYPE netbench_http_responses_total counter\n"
                    + "netbench_http_responses_total{code=\"200\"} 2\n"
                    + "netbench_http_responses_total{code=\"404\"} 1\n"
                    + "netbench_http_responses_total{code=\"503\"} 1\n"), body);
            assertTrue(body.contains("\nnetbench_http_connections_accepted_total 1\n"), body);
            assertTrue(body.contains("\nnetbench_http_connections_open 1\n"), body);
            int received = requests.length() + scrape.length();
            assertTrue(body.contains("\nnetbench_http_received_bytes_total " + received + "\n"), body);
            assertTrue(body.contains("\nnetbench_http_sent_bytes_total " + first.length() + "\n"), body);
            assertEquals(0, HttpMetrics.status(Unpooled.copiedBuffer("Hello, World!", StandardCharsets.US_ASCII)));
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    /** The 200s' counter exists before the first response (so that creating it is not a first-burst surprise). */
    @Test
    void theOkCounterIsThereFromTheStart() {
        ServerMetrics metrics = new ServerMetrics();
        new HttpMetrics(metrics, () -> 0);
        assertTrue(metrics.prometheusText().contains("\nnetbench_http_responses_total{code=\"200\"} 0\n"),
                metrics.prometheusText());
    }
}
