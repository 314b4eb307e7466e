package io.netbench.tcp.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.tcp.QperfConf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The wire forms both ends must agree on: qperf's structs and netbench's one-port hello. */
class WireTest {
    @Test
    void requestRoundTripsAndIs200Bytes() {
        ByteBuf buf = Unpooled.buffer();
        QperfRequest.of(9, 64, 2, 5, 0, 0, 0, Wire.ONE_PORT_MARKER + "a".repeat(32)).encode(buf);
        assertEquals(Wire.REQUEST_SIZE, buf.readableBytes());
        QperfRequest decoded = QperfRequest.decode(buf);
        assertEquals(9, decoded.reqIndex());
        assertEquals(64, decoded.msgSize());
        assertEquals("a".repeat(32), decoded.onePortToken());
        assertNull(QperfRequest.of(9, 1, 2, 5, 0, 0, 0, "").onePortToken());
    }

    @Test
    void aUdpHelloIsTheMagicAndATokenExactly() {
        byte[] hello = (new String(Wire.UDP_HELLO, StandardCharsets.US_ASCII) + "t".repeat(Wire.TOKEN_LENGTH))
                .getBytes(StandardCharsets.US_ASCII);
        assertTrue(Wire.isUdpHello(ByteBuffer.wrap(hello)));
        assertTrue(Wire.isUdpHello(ByteBuffer.allocate(hello.length + 3).position(3).put(hello).position(3)),
                "from the buffer's position");
        assertFalse(Wire.isUdpHello(ByteBuffer.wrap(hello, 0, hello.length - 1)), "one byte short");
        assertFalse(Wire.isUdpHello(ByteBuffer.allocate(hello.length)), "a zero-filled udp_bw message of that size");
    }

    @Test
    void statIs256BytesAndRoundTrips() {
        long[] ticks = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        QperfStat stat = new QperfStat(2, 100, 0, ticks, ticks, new QperfStat.Counters(10, 1, 0),
                QperfStat.Counters.ZERO, QperfStat.Counters.ZERO, QperfStat.Counters.ZERO);
        ByteBuf buf = Unpooled.buffer();
        stat.encode(buf);
        assertEquals(Wire.STAT_SIZE, buf.readableBytes());
        QperfStat back = QperfStat.decode(buf);
        assertEquals(10, back.s().bytes());
        assertEquals(9, back.timeE()[8]);
    }

    @Test
    void confIsFourStringsOf64BytesCutAtTheirNul() {
        ByteBuf buf = Unpooled.buffer();
        ConfCodec.encode(new QperfConf("node", "x".repeat(80), "Linux 6.1", Wire.VERSION), buf);
        assertEquals(Wire.CONF_SIZE, buf.readableBytes());
        QperfConf back = ConfCodec.decode(buf);
        assertEquals(new QperfConf("node", "x".repeat(Wire.STRSIZE - 1), "Linux 6.1", "0.4.11"), back);
    }

    @Test
    void aPreambleIsTheMagicThenTheToken() {
        assertEquals("NBDATA01tok", new String(Wire.preamble(Wire.DATA_MAGIC, "tok"), StandardCharsets.US_ASCII));
    }
}
