package io.netbench.tcp.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.TransportType;
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
import org.junit.jupiter.api.Test;

/** The control protocol's framing, without sockets. */
class ControlHandlerTest {
    private final List<String> notices = new ArrayList<>();
    private final ServerContext context = new ServerContext(TransportType.NIO, null, ServerLimits.DEFAULT,
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

    private static String refusal(EmbeddedChannel ch) {
        ByteBuf out = ch.readOutbound();
        String text = out.toString(StandardCharsets.US_ASCII);
        out.release();
        return text;
    }
}
