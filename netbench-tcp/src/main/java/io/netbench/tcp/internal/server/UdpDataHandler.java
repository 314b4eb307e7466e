package io.netbench.tcp.internal.server;

import io.netbench.core.OutOfMemory;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * A UDP socket serving one session on an event loop (NIO and io_uring; epoll has
 * {@link UdpDataThread}), qperf's classic second port: counts datagrams and, for {@code udp_lat},
 * echoes msg_size bytes to the sender. {@link UdpPortHandler} counts the datagrams of one-port
 * sessions on the shared listen socket with {@link #receive} too.
 */
final class UdpDataHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    /** Room for the largest UDP datagram. */
    static final int MAX_DATAGRAM = 65536;
    /** Reads into {@link #MAX_DATAGRAM}; Netty's default of 2 KiB would truncate udp_bw's 32 KiB. */
    static final FixedRecvByteBufAllocator RECEIVE_ALLOCATOR = new FixedRecvByteBufAllocator(MAX_DATAGRAM);

    private final Session session;

    UdpDataHandler(Session session) {
        this.session = session;
    }

    /** A datagram socket for {@code session} on {@code loop}, with room for any datagram and the socket buffers it asked for. */
    static Bootstrap bootstrap(EventLoop loop, Session session) {
        Bootstrap b = new Bootstrap().group(loop).channel(session.context.transport.datagramChannelType())
                .option(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE_ALLOCATOR);
        if (session.request.sockBufSize() > 0) {
            b.option(ChannelOption.SO_RCVBUF, (int) session.request.sockBufSize())
                    .option(ChannelOption.SO_SNDBUF, (int) session.request.sockBufSize());
        }
        return b;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        receive(ctx, session, packet);
    }

    /** Counts one datagram for {@code session} and echoes it for latency tests. */
    static void receive(ChannelHandlerContext ctx, Session session, DatagramPacket packet) {
        if (session.finished) {
            return;
        }
        int length = packet.content().readableBytes();
        if (session.test.isLatency()) {
            ctx.writeAndFlush(new DatagramPacket(session.echo().retainedDuplicate(), packet.sender()),
                    ctx.voidPromise());
            session.counters.echoed(length, session.msgSize());
        } else {
            session.counters.received(length, 1);
        }
    }

    /** A failure is told and the socket serves on; a fatal one goes on to the process (see {@link OutOfMemory}). */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.context.notices.accept("qperf: udp " + cause.getMessage());
        if (OutOfMemory.isFatal(cause)) {
            ctx.fireExceptionCaught(cause);
        }
    }
}
