package io.netbench.http;

import io.netbench.core.TransportType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A test server that answers at once, except that it stalls every answer during second 1 to 2. */
final class StallingServer implements AutoCloseable {
    private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII);
    private final EventLoopGroup group = TransportType.NIO.newEventLoopGroup(1, "stalling");
    private final long stallFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    private final long stallUntil = stallFrom + TimeUnit.SECONDS.toNanos(1);
    private final Channel channel;

    StallingServer() throws InterruptedException {
        channel = new ServerBootstrap().group(group).channel(TransportType.NIO.serverChannelType())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpRequestDecoder(), new SimpleChannelInboundHandler<HttpObject>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                                if (msg instanceof LastHttpContent) {
                                    long now = System.nanoTime();
                                    long wait = now >= stallFrom && now < stallUntil ? stallUntil - now : 0;
                                    ctx.executor().schedule(() -> ctx.writeAndFlush(Unpooled.wrappedBuffer(RESPONSE)),
                                            wait, TimeUnit.NANOSECONDS);
                                }
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
