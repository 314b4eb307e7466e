package io.netbench.tcp.internal.server;

import io.netbench.core.OutOfMemory;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.UnixChannelOption;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The UDP socket on the listen port itself, where one-port sessions begin: a hello datagram (magic
 * + token) ties the sender's address to its session and is acknowledged. On epoll the session then
 * gets a socket of its own, bound to the listen port too ({@code SO_REUSEPORT}) and connected to
 * the client, which the kernel prefers for that client's datagrams; a {@link UdpDataThread} serves
 * it. Elsewhere the sender's datagrams count for the session here, on the shared socket. Datagrams
 * from unknown senders are dropped.
 */
final class UdpPortHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final ServerContext context;

    UdpPortHandler(ServerContext context) {
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        Session session = context.byUdpPeer.get(packet.sender());
        ByteBuf content = packet.content();
        if (Wire.isUdpHello(content.nioBuffer())) {
            hello(ctx, packet.sender(), content.toString(Wire.UDP_HELLO.length, Wire.TOKEN_LENGTH, StandardCharsets.US_ASCII),
                    session);
        } else if (session != null && session.onSharedPort()) {
            UdpDataHandler.receive(ctx, session, packet);
        }
    }

    private void hello(ChannelHandlerContext ctx, InetSocketAddress sender, String token, Session known) {
        Session session = known != null ? known : context.byToken.get(token);
        if (session == null || !session.test.isUdp() || !token.equals(session.token)) {
            return;
        }
        if (known != null) {
            acknowledge(ctx, sender);
            return;
        }
        context.byUdpPeer.put(sender, session);
        if (context.dataThreads()) {
            connectOwnSocket(ctx, sender, session);
        } else {
            acknowledge(ctx, sender);
            session.dataReadyOnSharedPort(ctx.channel());
        }
    }

    /** A socket on the listen port connected to the client, then the acknowledgement; the shared socket if that fails. */
    private void connectOwnSocket(ChannelHandlerContext ctx, InetSocketAddress client, Session session) {
        ChannelFuture connected = UdpDataHandler.bootstrap(ctx.channel().eventLoop(), session)
                .option(UnixChannelOption.SO_REUSEPORT, true).handler(new ChannelInboundHandlerAdapter())
                .localAddress(ctx.channel().localAddress()).connect(client);
        connected.addListener(f -> {
            if (f.isSuccess()) {
                UdpDataThread.start(connected.channel(), session, true);
            } else {
                context.notices.accept("qperf: udp socket for " + client + " on the listen port: "
                        + f.cause().getMessage() + "; its datagrams go through the shared socket");
                session.dataReadyOnSharedPort(ctx.channel());
            }
            acknowledge(ctx, client);
        });
    }

    private static void acknowledge(ChannelHandlerContext ctx, InetSocketAddress client) {
        ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(Wire.UDP_ACK), client));
    }

    /** A failure is told and the socket serves on; a fatal one goes on to the process (see {@link OutOfMemory}). */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        context.notices.accept("qperf: udp " + cause.getMessage());
        if (OutOfMemory.isFatal(cause)) {
            ctx.fireExceptionCaught(cause);
        }
    }
}
