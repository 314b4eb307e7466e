package io.netbench.http;

import io.netbench.core.AbstractServerBuilder;
import io.netbench.core.NetbenchException;
import io.netbench.core.TransportType;
import io.netbench.http.internal.server.HttpServerInitializer;
import io.netbench.http.internal.server.WarmupRounds;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The HTTP/1.1 target of netbench: what {@code wrk} is pointed at, so a pod needs no nginx.
 *
 * <p>Endpoints: {@code /} answers {@code 200 Hello, World!} (13 bytes, the classic plaintext
 * target); {@code /bytes/{n}} n bytes (n ≤ 64 MiB); {@code /delay/{ms}} Hello after ms
 * milliseconds (≤ 60 s, without blocking the event loop); {@code /status/{code}} an empty
 * response with that status (200..599); {@code /healthz} {@code 200 ok} for Kubernetes probes;
 * anything else 404. Keep-alive and pipelining (responses in order, one flush per read batch),
 * HTTP/1.0 and {@code Connection: close}, HEAD; malformed requests get 400 (431 for oversized
 * heads) and the connection is closed. {@link Builder#jitWarmup(Duration)} makes it warm before it
 * listens.
 *
 * <pre>{@code
 * try (HttpBenchServer server = HttpBenchServer.builder().port(0).build()) {
 *     URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
 * }
 * }</pre>
 */
public final class HttpBenchServer implements AutoCloseable {
    /** The default HTTP port. */
    public static final int DEFAULT_PORT = 8080;
    private static final int ACCEPTS_PER_TURN = 256;
    /** Connections of the JIT warm-up: wrk's usual 100, enough to run the accept path too. */
    private static final int WARMUP_CONNECTIONS = 100;
    /** One round of the JIT warm-up: its connections close at the end of each. */
    private static final Duration WARMUP_ROUND = Duration.ofMillis(500);

    private final EventLoopGroup group;
    private final Channel channel;
    private final HttpServerInitializer initializer;
    private final TransportType transport;

    private HttpBenchServer(EventLoopGroup group, Channel channel, HttpServerInitializer initializer,
                            TransportType transport) {
        this.group = group;
        this.channel = channel;
        this.initializer = initializer;
        this.transport = transport;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return localAddress().getPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public TransportType transport() {
        return transport;
    }

    /** Connections open now. */
    public int openConnections() {
        return initializer.openConnections();
    }

    /** Stops listening and closes every connection, waiting at most a second. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        initializer.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** Options of an {@link HttpBenchServer}; {@link #build()} validates them and starts it. */
    public static final class Builder extends AbstractServerBuilder<Builder> {
        private int maxConnections = 100_000;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private int maxHeaderSize = 8192;
        private Consumer<String> notices = s -> { };

        private Builder() {
            super(DEFAULT_PORT);
        }

        /** Connections beyond this are closed at once; default 100,000. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Connections idle this long are closed; zero for never; default 60 s. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Largest request line and header block; default 8 KiB. */
        public Builder maxHeaderSize(int maxHeaderSize) {
            this.maxHeaderSize = maxHeaderSize;
            return this;
        }

        /** Receives one line when the connection limit is reached. */
        public Builder notices(Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        /**
         * Validates the options, warms up if asked ({@link #jitWarmup(Duration)}) and starts listening.
         *
         * @throws IllegalArgumentException naming a bad option
         * @throws IllegalStateException if the port cannot be bound, or the warm-up fails, with the reason
         */
        public HttpBenchServer build() {
            InetAddress bind = validateListenOptions();
            TransportType transport = transport();
            int port = port();
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
            }
            if (idleTimeout == null || idleTimeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must be >= 0: " + idleTimeout);
            }
            if (maxHeaderSize < 256) {
                throw new IllegalArgumentException("maxHeaderSize must be >= 256: " + maxHeaderSize);
            }
            warmUp();
            EventLoopGroup group = transport.newEventLoopGroup(threads(), "netbench-http");
            HttpServerInitializer initializer = new HttpServerInitializer(group.next(), maxConnections,
                    idleTimeout.toMillis(), maxHeaderSize, notices);
            try {
                ServerBootstrap b = new ServerBootstrap().group(group).channel(transport.serverChannelType())
                        .option(ChannelOption.SO_BACKLOG, 8192).option(ChannelOption.SO_REUSEADDR, true)
                        // Accept up to 256 connections per loop turn (Netty's default is 16): with one
                        // event loop busy serving thousands of connections, new ones would wait seconds.
                        .option(ChannelOption.RCVBUF_ALLOCATOR, new ServerChannelRecvByteBufAllocator()
                                .maxMessagesPerRead(ACCEPTS_PER_TURN))
                        .childOption(ChannelOption.TCP_NODELAY, true).childHandler(initializer);
                if (transport == TransportType.EPOLL) {
                    // Level-triggered: edge-triggered epoll costs one more read() (EAGAIN) per request batch.
                    b.childOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
                }
                Channel channel = b.bind(bind, port).sync().channel();
                return new HttpBenchServer(group, channel, initializer, transport);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(group, initializer, bind, e);
            } catch (Exception e) { // sync() rethrows the bind failure, a checked exception, unchecked
                throw fail(group, initializer, bind, e);
            }
        }

        /**
         * Plain GET / load from this process's HTTP client, {@value #WARMUP_CONNECTIONS} connections,
         * in half-second rounds until its rate is steady ({@link WarmupRounds}).
         */
        @Override
        protected void warm(Duration time) {
            int loops = threads();
            TransportType transport = transport();
            try {
                HttpLoad.onLoopback(transport, loops, uri -> WarmupRounds.untilSteady(time, () -> HttpLoad.to(uri)
                        .threads(loops).connections(Math.max(loops, WARMUP_CONNECTIONS)).duration(WARMUP_ROUND)
                        .transport(transport).run().requestsPerSecond()));
            } catch (NetbenchException e) {
                throw new IllegalStateException("JIT warm-up on loopback failed: " + e.getMessage(), e);
            }
        }

        private IllegalStateException fail(EventLoopGroup group, HttpServerInitializer initializer, InetAddress bind,
                                           Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            initializer.close();
            return new IllegalStateException("cannot listen on " + describe(bind, port()) + ": " + e.getMessage(), e);
        }

    }
}
