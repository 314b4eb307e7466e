package io.netbench.tcp.internal.server;

import io.netbench.core.internal.AcceptBackoff;
import io.netbench.core.internal.ServerSkeleton;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.unix.UnixChannelOption;

/**
 * The two sockets a qperf server listens on, both on the same port number: TCP, where every
 * connection starts with a {@link ConnectionSniffer} (control connection or one-port data), and
 * UDP, where one-port UDP sessions say hello ({@link UdpPortHandler}).
 */
public final class Listeners {
    private static final int UDP_BUFFER = 4 << 20;

    private Listeners() {
    }

    /**
     * The TCP listener's bootstrap: each accepted connection joins the server's connections first;
     * at the file-descriptor limit it pauses accepting ({@link AcceptBackoff}).
     */
    public static ServerBootstrap tcp(EventLoopGroup group, ServerContext context) {
        return new ServerBootstrap().group(group).channel(context.transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024).option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, ServerSkeleton.acceptInBatches())
                .handler(new AcceptBackoff("qperf", "raise the fd limit, ulimit -n", context.notices))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        context.connections.add(ch);
                        ch.pipeline().addLast("qperf-sniffer", new ConnectionSniffer(context));
                    }
                });
    }

    /**
     * The UDP listener's bootstrap, with room for any datagram; on epoll with {@code SO_REUSEPORT},
     * so that one-port sessions can bind sockets of their own to the same port.
     */
    public static Bootstrap udp(EventLoopGroup group, ServerContext context) {
        Bootstrap b = new Bootstrap().group(group).channel(context.transport.datagramChannelType())
                .option(ChannelOption.RCVBUF_ALLOCATOR, UdpDataHandler.RECEIVE_ALLOCATOR)
                .option(ChannelOption.SO_RCVBUF, UDP_BUFFER).option(ChannelOption.SO_SNDBUF, UDP_BUFFER)
                .handler(new UdpPortHandler(context));
        if (context.dataThreads()) {
            b.option(UnixChannelOption.SO_REUSEPORT, true);
        }
        return b;
    }
}
