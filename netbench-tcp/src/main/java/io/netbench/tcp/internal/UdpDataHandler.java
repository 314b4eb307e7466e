package io.netbench.tcp.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * A UDP socket serving one session, qperf's classic second port: counts datagrams and, for
 * {@code udp_lat}, echoes msg_size bytes to the sender.
 */
final class UdpDataHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    /** Room for the largest UDP datagram; Netty's default of 2 KiB would truncate udp_bw's 32 KiB. */
    static final FixedRecvByteBufAllocator RECEIVE_ALLOCATOR = new FixedRecvByteBufAllocator(65536);

    private final Session session;

    UdpDataHandler(Session session) {
        this.session = session;
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
        session.receivedBytes += packet.content().readableBytes();
        session.receivedMsgs++;
        if (session.test.isLatency()) {
            ctx.writeAndFlush(new DatagramPacket(session.echo(ctx.alloc()).retainedDuplicate(), packet.sender()),
                    ctx.voidPromise());
            session.sentBytes += session.msgSize();
            session.sentMsgs++;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.context.notices.accept("qperf: udp " + cause.getMessage());
    }
}
