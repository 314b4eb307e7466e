package io.netbench.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP handler against careless and hostile clients (#18): backpressure, bounded queues and timers, slowloris, strict parsing. */
class AbuseTest {
    private final EmbeddedChannel ch = new EmbeddedChannel();
    private final Responses responses = new Responses(ch.eventLoop());
    private final DelayTimers delays = new DelayTimers(5);
    /** Holds flushes while {@link #clientReads} is false: a client that does not read. */
    private boolean clientReads = true;
    /** Reads the handler asked the transport for. */
    private int reads;

    AbuseTest() {
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024, 4096));
        ConnectionDeadlines deadline = new ConnectionDeadlines(0, 1000);
        ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                if (clientReads) {
                    ctx.flush();
                }
            }

            @Override
            public void read(ChannelHandlerContext ctx) {
                reads++;
                ctx.read();
            }
        }, connection(deadline));
    }

    /** The handler of a connection, with these deadlines. */
    private HttpBenchHandler connection(ConnectionDeadlines deadlines) {
        return new HttpBenchHandler(new HttpDecoderConfig(), responses, delays, deadlines,
                new ConnectionLimiter(10, "http", "raise --max-connections", s -> { }),
                new HttpMetrics(new io.netbench.core.ServerMetrics(), () -> 0), null);
    }

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
        responses.close();
    }

    private void send(String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private String output() {
        return Outbound.text(ch);
    }

    @Test
    void aClientThatDoesNotReadStopsBeingReadAndHoldsOnlyTheHighWaterMark() {
        clientReads = false;
        send("GET /bytes/100 HTTP/1.1\r\n\r\n".repeat(500));
        assertFalse(ch.config().isAutoRead(), "still reading while the client does not read");
        assertFalse(ch.isWritable());
        long held = ch.unsafe().outboundBuffer().totalPendingWriteBytes();
        assertTrue(held < 4096 + 1024, "bytes held for the client: " + held);
        clientReads = true;
        ch.flush();
        String out = output();
        assertEquals(500, Outbound.count(out, "HTTP/1.1 200 OK"), "every response, once the client reads");
        assertTrue(ch.config().isAutoRead());
    }

    /** Netty's decoder reads again after a batch that held no whole request, even with reading off; the handler must not. */
    @Test
    void aClientThatDoesNotReadIsNotReadFromAgainUntilItReads() {
        clientReads = false;
        send("GET /bytes/100 HTTP/1.1\r\n\r\n".repeat(500));
        assertFalse(ch.config().isAutoRead());
        reads = 0;
        send("GET / HTTP/1.1\r\n"); // part of a head, already on its way when reading stopped
        assertEquals(0, reads, "asked the transport for more while the client does not read");
        clientReads = true;
        ch.flush();
        assertTrue(ch.config().isAutoRead());
        send("\r\n");
        assertEquals(501, Outbound.count(output(), "HTTP/1.1 200 OK"));
    }

    @Test
    void pipelinedRequestsBehindADelayAreBoundedThenResume() {
        ch.freezeTime();
        send("GET /delay/20 HTTP/1.1\r\n\r\n" + "GET / HTTP/1.1\r\n\r\n".repeat(ResponseQueue.MAX_QUEUED + 10));
        assertFalse(ch.config().isAutoRead(), "reading on with more than MAX_QUEUED responses waiting");
        assertEquals("", output());
        ch.advanceTimeBy(20, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(ResponseQueue.MAX_QUEUED + 11, Outbound.count(output(), "Hello, World!"));
        assertTrue(ch.config().isAutoRead());
    }

    @Test
    void delayTimersAreBoundedAndCancelledWithTheirConnection() {
        send("GET /delay/60000 HTTP/1.1\r\n\r\n".repeat(7));
        assertEquals(5, delays.pending());
        ch.close();
        assertEquals(0, delays.pending(), "timers of a closed connection still pending");
    }

    @Test
    void delaysBeyondTheBudgetGet503InOrder() {
        ch.freezeTime();
        send("GET /delay/10 HTTP/1.1\r\n\r\n".repeat(6));
        ch.advanceTimeBy(10, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        String out = output();
        assertEquals(5, Outbound.count(out, "Hello, World!"), out);
        assertTrue(out.endsWith("too many /delay timers\n"), out);
        assertEquals(0, delays.pending());
    }

    @Test
    void aHeadTrickledSlowerThanTheDeadlineIsClosed() {
        ch.freezeTime();
        send("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 9; i++) {
            ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
            send("X-" + i + ": y\r\n");
            ch.runScheduledPendingTasks();
        }
        assertTrue(ch.isOpen(), "closed before the deadline");
        ch.advanceTimeBy(150, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(ch.isOpen(), "a head still incomplete after the deadline");
    }

    @Test
    void idleConnectionsCloseUnlessTheirClientTakesItsResponse() {
        EmbeddedChannel silent = new EmbeddedChannel(connection(new ConnectionDeadlines(1000, 0)));
        silent.freezeTime();
        silent.advanceTimeBy(999, TimeUnit.MILLISECONDS);
        silent.runScheduledPendingTasks();
        assertTrue(silent.isOpen());
        silent.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        silent.runScheduledPendingTasks();
        assertFalse(silent.isOpen(), "a connection idle for the idle timeout");

        EmbeddedChannel reading = new EmbeddedChannel(connection(new ConnectionDeadlines(1000, 0)));
        reading.freezeTime();
        reading.write(Unpooled.wrappedBuffer(new byte[100])); // unflushed: pending, as for a slow client
        for (int i = 0; i < 5; i++) { // the client takes a little of it each second
            reading.advanceTimeBy(1000, TimeUnit.MILLISECONDS);
            reading.runScheduledPendingTasks();
            assertTrue(reading.isOpen(), "closed while its client was taking its response");
            reading.write(Unpooled.wrappedBuffer(new byte[1]));
        }
        for (int i = 0; i < 2; i++) {
            reading.advanceTimeBy(1000, TimeUnit.MILLISECONDS);
            reading.runScheduledPendingTasks();
        }
        assertFalse(reading.isOpen(), "a client that stopped taking its response");
        reading.finishAndReleaseAll();
    }

    @Test
    void theDeadlineCountsEachHeadNotTheConnection() {
        ch.freezeTime();
        for (int i = 0; i < 5; i++) { // 2.5 s of requests, each head whole at once, idle between
            send("GET / HTTP/1.1\r\n\r\n");
            ch.advanceTimeBy(500, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
        }
        assertTrue(ch.isOpen());
        assertEquals(5, Outbound.count(output(), "Hello, World!"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET / HTTP/1.1\\r\\nX-A: b\\0c\\r\\n\\r\\n | HTTP/1.1 400 Bad Request\\r\\n",
        "GET / HTTP/1.1\\r\\nX\\0A: b\\r\\n\\r\\n | HTTP/1.1 400 Bad Request\\r\\n",
        "GET /\\0 HTTP/1.1\\r\\n\\r\\n | HTTP/1.1 400 Bad Request\\r\\n",
        "GET / HTTP/9.9\\r\\n\\r\\n | HTTP/1.1 505 HTTP Version Not Supported\\r\\n",
        "GET / HTTP/2.0\\r\\n\\r\\n | HTTP/1.1 505 HTTP Version Not Supported\\r\\n",
        "GET / HTTP/0.9\\r\\n\\r\\n | HTTP/1.1 505 HTTP Version Not Supported\\r\\n"})
    void nulBytesGet400AndOtherVersions505(String request, String status) {
        send(unescape(request));
        String out = output();
        assertTrue(out.startsWith(unescape(status)), out);
        assertFalse(ch.isOpen());
    }

    private static String unescape(String text) {
        return text.replace("\\r\\n", "\r\n").replace("\\0", "\0");
    }
}
