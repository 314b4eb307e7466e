package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TcpInfo;
import io.netbench.core.TransportType;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TcpSocketsTest {
    @Test
    void decodesTheKernelsStructAsFarAsItGoes() {
        ByteBuffer struct = ByteBuffer.allocate(232).order(ByteOrder.nativeOrder());
        struct.put(2, (byte) 1).putInt(16, 1448).putInt(68, 250).putInt(100, 501).putLong(104, -1L)
                .putLong(160, 123_456_789L).putLong(208, 725_448L);
        TcpInfo info = TcpSockets.decode(struct, "bbr");
        assertEquals(OptionalLong.of(1), info.field("retransmits"));
        assertEquals(OptionalLong.of(1448), info.field("snd_mss"));
        assertEquals(OptionalLong.of(250), info.field("rtt"));
        assertEquals(OptionalLong.of(501), info.field("total_retrans"));
        assertEquals(OptionalLong.empty(), info.field("pacing_rate"), "all ones: not paced");
        assertEquals(OptionalLong.of(123_456_789), info.field("delivery_rate"));
        assertEquals(OptionalLong.of(725_448), info.field("bytes_retrans"));
        TcpInfo old = TcpSockets.decode(struct.slice(0, 104), "cubic");
        assertEquals(OptionalLong.of(501), old.field("total_retrans"));
        assertEquals(OptionalLong.empty(), old.field("delivery_rate"), "an older kernel's struct ends earlier");
    }

    @Test
    void readsALoopbackConnectionOfTheNativeTransport() throws Exception {
        assumeTrue(TransportType.EPOLL.isAvailable(), TransportType.EPOLL.availabilityText());
        EventLoopGroup group = TransportType.EPOLL.newEventLoopGroup(1, "tcp-info-test");
        try {
            Channel server = new ServerBootstrap().group(group).channel(TransportType.EPOLL.serverChannelType())
                    .childHandler(new ChannelInboundHandlerAdapter()).bind("127.0.0.1", 0).sync().channel();
            Channel client = new Bootstrap().group(group).channel(TransportType.EPOLL.socketChannelType())
                    .handler(new ChannelInboundHandlerAdapter()).connect(server.localAddress()).sync().channel();
            client.writeAndFlush(Unpooled.wrappedBuffer(new byte[100_000])).sync();
            TcpInfo info = TcpSockets.info(client);
            assertNotNull(info);
            assertTrue(info.field("snd_mss").getAsLong() > 10_000, "loopback's MSS is tens of KiB: " + info);
            assertTrue(info.field("bytes_acked").isPresent() && info.field("segs_out").getAsLong() > 0, info.toString());
            assertNotNull(info.congestion());
            client.close().sync();
            assertEquals(null, TcpSockets.info(client), "closed: nothing to read");
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void systemCountersAreReadByNameAndDiffed() {
        Map<String, Long> into = new java.util.LinkedHashMap<>();
        SystemCounters.parse(List.of("Tcp: RtoAlgorithm RetransSegs OutRsts", "Tcp: 1 290 7",
                "Udp: InDatagrams", "Udp: 5"), into);
        assertEquals(Map.of("Tcp.RtoAlgorithm", 1L, "Tcp.RetransSegs", 290L, "Tcp.OutRsts", 7L, "Udp.InDatagrams", 5L),
                into);
        assertEquals(Map.of("Tcp.RetransSegs", 211L), SystemCounters.delta(Map.of("Tcp.RetransSegs", 290L),
                Map.of("Tcp.RetransSegs", 501L, "Tcp.OutRsts", 3L)), "only what both have");
        assertTrue(SystemCounters.now().containsKey("Tcp.RetransSegs"), "this Linux has /proc/net/snmp");
    }
}
