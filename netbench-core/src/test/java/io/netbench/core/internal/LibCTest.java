package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The libc calls on real sockets of Netty's native transport. */
class LibCTest {
    @Test
    void aReceiveLowWatermarkHoldsSmallDataBackUntilItIsReached() throws Exception {
        assumeTrue(TransportType.EPOLL.isAvailable(), TransportType.EPOLL.availabilityText());
        BlockingQueue<Integer> reads = new LinkedBlockingQueue<>();
        EventLoopGroup group = TransportType.EPOLL.newEventLoopGroup(1, "libc-test");
        try {
            Channel server = new ServerBootstrap().group(group).channel(TransportType.EPOLL.serverChannelType())
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelActive(ChannelHandlerContext ctx) throws IOException {
                            LibC.setReceiveLowWatermark(((UnixChannel) ctx.channel()).fd().intValue(), 4096);
                        }

                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            reads.add(((ByteBuf) msg).readableBytes());
                            ((ByteBuf) msg).release();
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            try (Socket client = new Socket("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort())) {
                OutputStream out = client.getOutputStream();
                out.write(new byte[100]);
                out.flush();
                assertEquals(null, reads.poll(300, TimeUnit.MILLISECONDS), "100 bytes are below the mark");
                out.write(new byte[4000]);
                out.flush();
                int total = 0;
                for (Integer n = reads.poll(5, TimeUnit.SECONDS); n != null; n = reads.poll(100, TimeUnit.MILLISECONDS)) {
                    total += n;
                }
                assertEquals(4100, total, "past the mark, everything is read");
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }
}
