package io.netbench.tcp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.nio.charset.StandardCharsets;

/**
 * The UDP socket on the listen port itself, shared by every one-port session: a hello datagram
 * (magic + token) ties the sender's address to its session and is acknowledged; after that the
 * sender's datagrams count for that session. Datagrams from unknown senders are dropped.
 */
public final class UdpPortHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    /** Room for the largest datagram a client may send. */
    public static final io.netty.channel.RecvByteBufAllocator RECEIVE_ALLOCATOR = UdpDataHandler.RECEIVE_ALLOCATOR;
    private static final int HELLO_SIZE = Wire.UDP_HELLO.length + Wire.TOKEN_LENGTH;

    private final ServerContext context;

    public UdpPortHandler(ServerContext context) {
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        Session session = context.byUdpPeer.get(packet.sender());
        ByteBuf content = packet.content();
        if (content.readableBytes() == HELLO_SIZE
                && ByteBufUtil.equals(content.slice(0, Wire.UDP_HELLO.length), Unpooled.wrappedBuffer(Wire.UDP_HELLO))) {
            hello(ctx, packet, content.toString(Wire.UDP_HELLO.length, Wire.TOKEN_LENGTH, StandardCharsets.US_ASCII),
                    session);
        } else if (session != null) {
            UdpDataHandler.receive(ctx, session, packet);
        }
    }

    private void hello(ChannelHandlerContext ctx, DatagramPacket packet, String token, Session known) {
        Session session = known != null ? known : context.byToken.get(token);
        if (session == null || !session.test.isUdp() || !token.equals(session.token)) {
            return;
        }
        ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(Wire.UDP_ACK), packet.sender()));
        if (known == null) {
            context.byUdpPeer.put(packet.sender(), session);
            session.dataReady(ctx.channel(), packet.sender());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        context.notices.accept("qperf: udp " + cause.getMessage());
    }
}
