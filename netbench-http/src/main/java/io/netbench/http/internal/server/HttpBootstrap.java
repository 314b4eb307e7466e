package io.netbench.http.internal.server;

import io.netbench.core.TransportType;
import io.netbench.core.internal.AcceptBackoff;
import io.netbench.core.internal.ServerSkeleton;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollMode;
import java.util.function.Consumer;

/** The listener of an HTTP, HTTPS or admin port: its socket options, accept batching and backoff. */
public final class HttpBootstrap {
    private HttpBootstrap() {
    }

    /**
     * The benchmark's HTTP (or HTTPS) listener, its notices named "http".
     *
     * @param group the server's event loops
     * @param transport their transport
     * @param initializer what sets up each accepted connection
     * @param notices receives one line when accepting fails and pauses ({@link AcceptBackoff})
     * @return a bootstrap ready to bind
     */
    public static ServerBootstrap create(EventLoopGroup group, TransportType transport, ChannelHandler initializer,
                                         Consumer<String> notices) {
        return create(group, transport, initializer, "http",
                "raise the fd limit, ulimit -n, or lower --max-connections", notices);
    }

    /**
     * @param group the server's event loops
     * @param transport their transport
     * @param initializer what sets up each accepted connection
     * @param name what listens, for the notices, e.g. "http"
     * @param advice what to do when accepting fails, for the notice
     * @param notices receives one line when accepting fails and pauses ({@link AcceptBackoff})
     * @return a bootstrap ready to bind
     */
    public static ServerBootstrap create(EventLoopGroup group, TransportType transport, ChannelHandler initializer,
                                         String name, String advice, Consumer<String> notices) {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 8192).option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, ServerSkeleton.acceptInBatches())
                .handler(new AcceptBackoff(name, advice, notices))
                // no TCP_NODELAY child option: Netty turns Nagle off on every socket channel it makes
                // (TransportTypeTest), and setting it again was a second setsockopt per connection
                .childHandler(initializer);
        if (transport == TransportType.EPOLL) {
            // Level-triggered: edge-triggered epoll costs one more read() (EAGAIN) per request batch.
            b.childOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        }
        return b;
    }
}
