package io.netbench.http.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netbench.core.ErrorCounts;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.TransportType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each failure counted once, by the step that failed, whatever the exception says: the messages
 * below are deliberately the other step's.
 */
class LoadConnectionTest {
    private final RequestTemplate template = RequestTemplate.of("GET", URI.create("http://127.0.0.1:1/"), List.of(),
            null, 1);

    @AfterEach
    void release() {
        template.close();
    }

    /** One load connection on an embedded channel; its sends are held, not written, until completed. */
    private final class Connection {
        final EmbeddedChannel channel = new EmbeddedChannel();
        final LoadWorker worker;
        ChannelPromise send;

        Connection(SslContext ssl) {
            LoadPlan plan = new LoadPlan(new InetSocketAddress("127.0.0.1", 1), "127.0.0.1", ssl, TransportType.NIO,
                    false, 0, 1_000_000_000L);
            worker = new LoadWorker(channel.eventLoop(), plan, template, new LatencyRecorder(), new LatencyRecorder());
            worker.counting = true;
            if (ssl != null) {
                channel.pipeline().addLast(ssl.newHandler(channel.alloc()));
            }
            channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof ByteBuf bytes && bytes.toString(StandardCharsets.US_ASCII).startsWith("GET ")) {
                        ReferenceCountUtil.release(msg);
                        send = promise;
                    } else {
                        ctx.write(msg, promise);
                    }
                }
            }, new LoadConnection(worker, plan));
            channel.pipeline().fireChannelActive(); // the channel was active before the connection was added
            worker.stopping = true; // no next send and no reconnect: each test sees one failure
        }

        ErrorCounts errors() {
            channel.runPendingTasks();
            channel.finishAndReleaseAll();
            return worker.errorsSoFar();
        }
    }

    @Test
    void aSendWhoseWriteFailsIsAWriteErrorWhateverTheMessage() {
        Connection c = new Connection(null);
        c.send.setFailure(new IOException("recvAddress(..) failed: Connection reset by peer"));
        assertEquals(new ErrorCounts(0, 0, 1, 0, 0), c.errors());
    }

    @Test
    void aFailureWhileReadingIsAReadErrorWhateverTheMessage() {
        Connection c = new Connection(null);
        c.send.setSuccess();
        c.channel.pipeline().fireExceptionCaught(new IOException("writev(..) failed: Broken pipe"));
        assertEquals(new ErrorCounts(0, 1, 0, 0, 0), c.errors());
    }

    @Test
    void aCloseWhileAResponseIsDueIsAReadErrorAndSoIsOneThatCutsASendShort() {
        Connection answered = new Connection(null);
        answered.send.setSuccess();
        answered.channel.close();
        assertEquals(new ErrorCounts(0, 1, 0, 0, 0), answered.errors());
        // Netty fails the sends a close leaves unwritten with ClosedChannelException, then the channel goes inactive.
        Connection cut = new Connection(null);
        cut.send.setFailure(new ClosedChannelException());
        cut.channel.close();
        assertEquals(new ErrorCounts(0, 1, 0, 0, 0), cut.errors());
    }

    @Test
    void aCompleteResponseThenACloseIsNoError() {
        Connection c = new Connection(null);
        c.send.setSuccess();
        c.channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                StandardCharsets.US_ASCII));
        c.channel.close();
        assertEquals(1, c.worker.requestsSoFar());
        assertEquals(ErrorCounts.NONE, c.errors());
    }

    @Test
    void aFailedTlsHandshakeIsAConnectErrorAndNoRequestGoesOutBeforeIt() throws Exception {
        Connection c = new Connection(SslContextBuilder.forClient().build());
        assertNotNull(c.channel.readOutbound(), "the TLS client hello");
        assertEquals(null, c.send, "a request before the handshake");
        c.channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 400 Bad Request\r\n\r\n", StandardCharsets.US_ASCII));
        assertEquals(new ErrorCounts(1, 0, 0, 0, 0), c.errors());
    }
}
