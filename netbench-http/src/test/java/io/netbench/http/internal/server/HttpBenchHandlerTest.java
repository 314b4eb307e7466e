package io.netbench.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP handler over an EmbeddedChannel: what goes out for what comes in. */
class HttpBenchHandlerTest {
    private static final ChannelGroup CONNECTIONS = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final EmbeddedChannel ch = new EmbeddedChannel();
    private final HttpServerInitializer initializer = new HttpServerInitializer(ch.eventLoop(), CONNECTIONS, 10, 0, 1024, 0,
            s -> { }, new io.netbench.core.ServerMetrics());

    HttpBenchHandlerTest() {
        ch.pipeline().addLast(initializer);
        ch.pipeline().fireChannelActive();
    }

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
        initializer.close();
    }

    private String exchange(String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        return output();
    }

    private String output() {
        return Outbound.text(ch);
    }

    @Test
    void helloWithKeepAlive() {
        String out = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\nServer: netbench\r\nDate: "), out);
        assertTrue(out.contains("\r\nContent-Length: 13\r\n\r\nHello, World!"), out);
        assertFalse(out.contains("Connection: close"), out);
        assertTrue(ch.isOpen());
    }

    @Test
    void pipelinedRequestsAnswerInOrderEvenBehindADelay() throws Exception {
        String out = exchange("GET /delay/50 HTTP/1.1\r\n\r\nGET /status/201 HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        assertEquals("", out, "nothing may overtake the delayed response");
        Thread.sleep(80);
        ch.runScheduledPendingTasks();
        out = output();
        int delayed = out.indexOf("Hello, World!");
        int created = out.indexOf("HTTP/1.1 201 Created");
        int last = out.lastIndexOf("Hello, World!");
        assertTrue(delayed > 0 && created > delayed && last > created, out);
        assertEquals(3, Outbound.count(out, "HTTP/1.1 "), out);
    }

    @Test
    void http10ClosesUnlessKeepAlive() {
        String kept = exchange("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\nKeep-Alive: timeout=5, max=100\r\n\r\n");
        assertTrue(kept.contains("\r\nConnection: keep-alive\r\n"), kept);
        assertTrue(ch.isOpen());
        String eleven = exchange("GET / HTTP/1.1\r\nKeep-Alive: timeout=5\r\n\r\n");
        assertFalse(eleven.contains("Connection:"), eleven);
        String closed = exchange("GET / HTTP/1.0\r\n\r\n");
        assertTrue(closed.contains("Connection: close\r\n"), closed);
        ch.runPendingTasks();
        assertFalse(ch.isOpen());
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBody() {
        String head = exchange("POST / HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", head);
        String out = exchange("hello");
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n") && out.endsWith("Hello, World!"), out);
        assertTrue(ch.isOpen());
    }

    @Test
    void expectContinueOfATooLargeBodyIsRefusedAtOnce() {
        String out = exchange("POST / HTTP/1.1\r\nContent-Length: 2000000000\r\nExpect: 100-continue\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n"), out);
        assertFalse(out.contains("100 Continue"), out);
        assertFalse(ch.isOpen());
    }

    @Test
    void otherExpectationsGet417() {
        String out = exchange("POST / HTTP/1.1\r\nContent-Length: 5\r\nExpect: teapot\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 417 Expectation Failed\r\n"), out);
        assertFalse(ch.isOpen());
    }

    @Test
    void expectIsIgnoredInHttp10() {
        String out = exchange("POST / HTTP/1.0\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\nhi");
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n"), out);
    }

    @Test
    void dateHasATwoDigitDay() {
        String out = exchange("GET / HTTP/1.1\r\n\r\n");
        String date = out.substring(out.indexOf("Date: ") + 6, out.indexOf("\r\n", out.indexOf("Date: ")));
        assertTrue(date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), date);
        assertEquals("Tue, 01 Dec 2026 07:05:09 GMT", Responses.HTTP_DATE.format(
                java.time.ZonedDateTime.of(2026, 12, 1, 7, 5, 9, 0, java.time.ZoneOffset.UTC)));
    }

    @Test
    void connectionCloseIsHonoured() {
        String out = exchange("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertTrue(out.endsWith("Connection: close\r\n\r\nok\n"), out);
        assertFalse(ch.isOpen());
    }

    @Test
    void headHasHeadersWithoutBody() {
        String out = exchange("HEAD / HTTP/1.1\r\n\r\n");
        assertTrue(out.endsWith("Content-Length: 13\r\n\r\n"), out);
        String bytes = exchange("HEAD /bytes/100000 HTTP/1.1\r\n\r\n");
        assertTrue(bytes.endsWith("Content-Length: 100000\r\n\r\n"), bytes);
    }

    @Test
    void bodiesAreReadAndDropped() {
        String out = exchange("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /healthz HTTP/1.1\r\n\r\n");
        assertEquals(2, Outbound.count(out, "HTTP/1.1 200 OK"), out);
        String chunked = exchange("PUT /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n"
                + "GET / HTTP/1.1\r\n\r\n");
        assertTrue(chunked.startsWith("HTTP/1.1 404 Not Found"), chunked);
        assertTrue(chunked.endsWith("Hello, World!"), chunked);
    }

    @Test
    void sizedBodiesAndStatuses() {
        String out = exchange("GET /bytes/70000 HTTP/1.1\r\n\r\n");
        assertTrue(out.contains("Content-Length: 70000\r\n\r\n"), out.substring(0, 200));
        assertEquals(70000, out.length() - out.indexOf("\r\n\r\n") - 4);
        assertTrue(exchange("GET /bytes/67108865 HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404"));
        assertTrue(exchange("GET /status/503 HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 503 Service Unavailable"));
        assertTrue(exchange("GET /status/204 HTTP/1.1\r\n\r\n").contains("\r\n\r\n"));
        assertTrue(exchange("GET /status/abc HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404"));
        assertTrue(exchange("GET /nope?x=1 HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404 Not Found"));
    }

    @Test
    void malformedRequestsGet400AndClose() {
        String out = exchange("GARBAGE\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 400 Bad Request"), out);
        assertTrue(out.contains("Connection: close"), out);
        assertFalse(ch.isOpen());
    }

    @Test
    void oversizedHeadGets431() {
        String out = exchange("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 431"), out);
        assertFalse(ch.isOpen());
    }

    @Test
    void connectionLimitClosesTheExcess() throws Exception {
        java.util.List<String> notices = new java.util.ArrayList<>();
        HttpServerInitializer limited = new HttpServerInitializer(ch.eventLoop(), CONNECTIONS, 1, 0, 1024, 0,
                notices::add, new io.netbench.core.ServerMetrics());
        EmbeddedChannel first = new EmbeddedChannel(limited);
        EmbeddedChannel second = new EmbeddedChannel(limited);
        assertTrue(first.isOpen());
        assertFalse(second.isOpen());
        assertEquals(1, notices.size(), notices.toString());
        first.finishAndReleaseAll();
        limited.close();
        TimeUnit.MILLISECONDS.sleep(1);
    }
}
