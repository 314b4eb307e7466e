package io.netbench.core.internal;

import io.netbench.core.TransportType;
import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every netbench server is made of, whatever it serves: its event loops, the listening
 * channels it bound, a group of every connection it accepted, and an orderly close. Binding
 * either succeeds or closes everything bound so far and fails with the address and the reason,
 * so a half-started server never lingers. Not public API.
 */
public final class ServerSkeleton implements AutoCloseable {
    /** Connections accepted per listener and event-loop turn, see {@link #acceptInBatches()}. */
    public static final int ACCEPTS_PER_TURN = 256;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();

    /**
     * @param transport the event loops' transport
     * @param threads how many event loops
     * @param name the loops' thread name prefix, e.g. "netbench-http"
     */
    public ServerSkeleton(TransportType transport, int threads, String name) {
        this.group = transport.newEventLoopGroup(threads, name);
    }

    /**
     * The listeners' accept loop: up to {@value #ACCEPTS_PER_TURN} connections per event-loop turn.
     * Netty's default is 16, and on epoll it is one: its "maybe more data" test (the accepted fd
     * equals the one byte it "attempted") ends the loop after the first accept, so a burst of 2,000
     * connections against one loop busy with those already accepted waited in the backlog for
     * seconds, at ~60 accepts a second, and wrk counted them as timeouts.
     *
     * @return a receive allocator for a {@code ServerBootstrap}'s {@code RCVBUF_ALLOCATOR} option
     */
    public static RecvByteBufAllocator acceptInBatches() {
        return new ServerChannelRecvByteBufAllocator().respectMaybeMoreData(false).maxMessagesPerRead(ACCEPTS_PER_TURN);
    }

    /** The event loops, for bootstraps and timers. */
    public EventLoopGroup group() {
        return group;
    }

    /** Every connection the server holds; add each when it is accepted, so that close reaches it. */
    public ChannelGroup connections() {
        return connections;
    }

    /**
     * Binds {@code bootstrap} on the address and port and keeps the listening channel.
     *
     * @param what what listens, for the message, e.g. "UDP"
     * @return the bound channel
     * @throws IllegalStateException naming the address and the reason, after closing everything
     */
    public Channel bind(AbstractBootstrap<?, ?> bootstrap, InetAddress address, int port, String what) {
        try {
            Channel channel = (address == null ? bootstrap.bind(port) : bootstrap.bind(address, port)).sync().channel();
            listeners.add(channel);
            return channel;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding " + describe(address, port), e);
        } catch (Exception e) { // sync() rethrows the bind failure, a checked exception, unchecked
            close();
            throw new IllegalStateException("cannot listen on " + (what.isEmpty() ? "" : what + " ")
                    + describe(address, port) + ": " + e.getMessage(), e);
        }
    }

    /** Closes the listeners, then every connection (a second at most), then the event loops. */
    @Override
    public void close() {
        listeners.forEach(Channel::close);
        connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** {@code address:port} for messages ({@code [::1]:port} for IPv6), {@code *:port} for all addresses. */
    public static String describe(InetAddress address, int port) {
        return address == null ? "*:" + port : NetUtil.toSocketAddressString(new InetSocketAddress(address, port));
    }
}
