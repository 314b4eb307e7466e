package io.netbench.tcp.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.TransportType;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.ConfCodec;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The control protocol's framing, without sockets. */
class ControlHandlerTest {
    private final List<String> notices = new ArrayList<>();
    private final ServerContext context = new ServerContext(TransportType.NIO, null, ServerLimits.DEFAULT, 1L << 30,
            notices::add, new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new ConnectionSniffer(context));
    }

    private static ByteBuf request(int index, long msgSize, long time, String id) {
        ByteBuf buf = Unpooled.buffer();
        QperfRequest.of(index, msgSize, time, 5, 0, 0, 0, id).encode(buf);
        return buf;
    }

    @Test
    void confIsAnsweredAndTheConnectionClosed() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(request(0, 0, 0, ""));
        ByteBuf conf = ch.readOutbound();
        assertEquals(Wire.CONF_SIZE, conf.readableBytes());
        assertEquals("0.4.11", ConfCodec.decode(conf).qperf());
        conf.release();
        assertFalse(ch.isOpen());
    }

    @Test
    void requestSplitAtEveryByteIsStillOneRequest() {
        EmbeddedChannel ch = channel();
        ByteBuf req = request(0, 0, 0, "");
        while (req.isReadable()) {
            ch.writeInbound(req.readRetainedSlice(1));
        }
        req.release();
        ByteBuf conf = ch.readOutbound();
        assertEquals(Wire.CONF_SIZE, conf.readableBytes());
        conf.release();
    }

    @Test
    void otherVersionsAreRefusedWithQperfsWords() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 3, 0, 9, 0}));
        assertEquals("upgrade qperf on client from 0.3.9 to 0.4.11", refusal(ch));
        assertFalse(ch.isOpen());
    }

    @Test
    void unknownTestsAndLimitsAreRefused() {
        EmbeddedChannel rdma = channel();
        rdma.writeInbound(request(20, 64, 2, ""));
        assertTrue(refusal(rdma).startsWith("bad request index: 20"));
        EmbeddedChannel huge = channel();
        huge.writeInbound(request(9, 1L << 30, 2, ""));
        assertTrue(refusal(huge).startsWith("msg_size 1073741824 out of range"));
        EmbeddedChannel forever = channel();
        forever.writeInbound(request(9, 1, 0, ""));
        assertTrue(refusal(forever).startsWith("time 0 s out of range"));
        assertEquals(3, notices.size(), notices.toString());
    }

    @Test
    void onePortRequestGetsPortZeroThenWaitsForTheDataConnection() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(request(9, 64, 2, Wire.ONE_PORT_MARKER + "b".repeat(32)));
        ByteBuf port = ch.readOutbound();
        assertEquals(Wire.SAME_PORT, port.readUnsignedIntLE());
        port.release();
        assertEquals(1, context.activeSessions());
        ch.close();
        ch.runPendingTasks();
        assertEquals(0, context.activeSessions(), "a vanished client frees its session");
    }

    @Test
    void garbageAndUnknownDataTokensAreClosed() {
        EmbeddedChannel http = channel();
        http.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", StandardCharsets.US_ASCII));
        assertFalse(http.isOpen());
        EmbeddedChannel stale = channel();
        ByteBuf preamble = Unpooled.buffer().writeBytes(Wire.DATA_MAGIC).writeBytes("c".repeat(32).getBytes());
        stale.writeInbound(preamble);
        assertFalse(stale.isOpen());
    }

    @Test
    void silentAndHalfSentConnectionsAreClosedAfterTheHandshakeTimeout() {
        EmbeddedChannel silent = channel();
        EmbeddedChannel oneByte = channel();
        oneByte.writeInbound(Unpooled.wrappedBuffer(new byte[] {0}));
        EmbeddedChannel partialPreamble = channel();
        partialPreamble.writeInbound(Unpooled.wrappedBuffer(Wire.DATA_MAGIC, 0, 5));
        EmbeddedChannel partialRequest = channel();
        partialRequest.writeInbound(request(9, 64, 2, "").readRetainedSlice(10));
        for (EmbeddedChannel ch : List.of(silent, oneByte, partialPreamble, partialRequest)) {
            ch.advanceTimeBy(9, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            assertTrue(ch.isOpen(), "open within the timeout");
            ch.advanceTimeBy(2, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            assertFalse(ch.isOpen(), "closed after it");
        }
        assertEquals("timed out waiting for the client (request)", refusal(partialRequest));
    }

    @Test
    void aQuitIsAnsweredAndClosedAndASyncNeverSentTimesOut() {
        EmbeddedChannel quit = channel();
        quit.writeInbound(request(QperfTest.QUIT.index(), 0, 0, ""));
        quit.writeInbound(Unpooled.wrappedBuffer(Wire.SYNC_BEFORE));
        ByteBuf answer = quit.readOutbound();
        assertEquals(Wire.SYNC_BEFORE.length, answer.readableBytes());
        answer.release();
        assertFalse(quit.isOpen(), "the server does not stop, but the connection is done");
        EmbeddedChannel noSync = channel();
        noSync.writeInbound(request(QperfTest.QUIT.index(), 0, 0, ""));
        noSync.advanceTimeBy(11, TimeUnit.SECONDS);
        noSync.runScheduledPendingTasks();
        assertFalse(noSync.isOpen());
    }

    @Test
    void testsWhoseBuffersDoNotFitTheMemoryBudgetAreRefusedBeforeTheyStart() {
        ServerContext small = new ServerContext(TransportType.NIO, null, ServerLimits.DEFAULT, 100L << 20,
                notices::add, new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));
        EmbeddedChannel first = new EmbeddedChannel(new ConnectionSniffer(small));
        first.writeInbound(request(QperfTest.TCP_LAT.index(), 64L << 20, 2, Wire.ONE_PORT_MARKER + "d".repeat(32)));
        ByteBuf port = first.readOutbound();
        assertEquals(Wire.SAME_PORT, port.readUnsignedIntLE());
        port.release();
        EmbeddedChannel second = new EmbeddedChannel(new ConnectionSniffer(small));
        second.writeInbound(request(QperfTest.TCP_LAT.index(), 64L << 20, 2, Wire.ONE_PORT_MARKER + "e".repeat(32)));
        assertEquals("server busy: memory: the test needs 65 MiB of buffers, 35 MiB of 100 MiB are free",
                refusal(second));
        assertEquals(1, small.activeSessions());
        first.close();
        first.runPendingTasks();
        assertEquals(0, small.activeSessions());
        EmbeddedChannel third = new EmbeddedChannel(new ConnectionSniffer(small));
        third.writeInbound(request(QperfTest.TCP_LAT.index(), 64L << 20, 2, Wire.ONE_PORT_MARKER + "f".repeat(32)));
        ByteBuf again = third.readOutbound();
        assertEquals(Wire.SAME_PORT, again.readUnsignedIntLE(), "the budget was given back");
        again.release();
    }

    private static String refusal(EmbeddedChannel ch) {
        ByteBuf out = ch.readOutbound();
        String text = out.toString(StandardCharsets.US_ASCII);
        out.release();
        return text;
    }
}
