package io.netbench.tcp;

import io.netbench.core.AbstractServerBuilder;
import io.netbench.core.NetbenchException;
import io.netbench.core.TransportType;
import io.netbench.core.internal.ServerSkeleton;
import io.netbench.tcp.internal.server.Listeners;
import io.netbench.tcp.internal.server.ServerContext;
import io.netbench.tcp.internal.server.ServerLimits;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A qperf server on Netty: serves {@code tcp_bw}, {@code tcp_lat}, {@code udp_bw},
 * {@code udp_lat}, {@code conf} and {@code quit} to any number of clients at once.
 *
 * <p>Real qperf 0.4.11 clients get qperf's classic behaviour: a second, ephemeral data port per
 * test. netbench clients ask for one-port mode and run every test through the listen port alone:
 * TCP tests over TCP port P, UDP tests over UDP port P, which is what a Kubernetes Service, a
 * NodePort or a NAT forwards. {@code quit} is acknowledged but does not stop the server.
 * {@link Builder#jitWarmup(Duration)} makes it warm before it listens.
 *
 * <pre>{@code
 * try (QperfServer server = QperfServer.builder().port(0).build()) {
 *     QperfResult r = QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_LAT).run();
 * }
 * }</pre>
 */
public final class QperfServer implements AutoCloseable {
    /** qperf's default listen port. */
    public static final int DEFAULT_PORT = 19765;

    private final ServerSkeleton skeleton;
    private final Channel tcp;
    private final TransportType transport;
    private final ServerContext context;

    private QperfServer(ServerSkeleton skeleton, Channel tcp, TransportType transport, ServerContext context) {
        this.skeleton = skeleton;
        this.tcp = tcp;
        this.transport = transport;
        this.context = context;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server on {@code port} (0: any free port) with the defaults. */
    public static QperfServer start(int port) {
        return builder().port(port).build();
    }

    /** The TCP (and UDP) port the server listens on. */
    public int port() {
        return localAddress().getPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) tcp.localAddress();
    }

    public TransportType transport() {
        return transport;
    }

    /** Tests in progress: from their accepted request until their connections close. */
    public int activeSessions() {
        return context.activeSessions();
    }

    /** Closes the listeners and every connection, waiting at most a second. */
    @Override
    public void close() {
        skeleton.close();
    }

    /** Options of a {@link QperfServer}; {@link #build()} validates them and starts it. */
    public static final class Builder extends AbstractServerBuilder<Builder> {
        private Duration maxTime = Duration.ofHours(1);
        private long maxMsgSize = 64L << 20;
        private int maxSessions = ServerLimits.DEFAULT.maxSessions();
        private Consumer<String> notices = s -> { };

        private Builder() {
            super(DEFAULT_PORT);
        }

        /** The longest test a client may ask for; default one hour. */
        public Builder maxTime(Duration maxTime) {
            this.maxTime = maxTime;
            return this;
        }

        /** The largest msg_size a client may ask for; default 64 MiB. */
        public Builder maxMsgSize(long maxMsgSize) {
            this.maxMsgSize = maxMsgSize;
            return this;
        }

        /**
         * The most tests that may run at once, over all clients (each stream of {@code -P} counts);
         * more are refused with "server busy". Default 256. On epoll each TCP test is served by a
         * thread of its own, as qperf forks a process per test.
         */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        /** Receives one line per refused or failed client. */
        public Builder notices(Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        /**
         * Validates the options, warms up if asked ({@link #jitWarmup(Duration)}) and starts listening.
         *
         * @throws IllegalArgumentException naming a bad option
         * @throws IllegalStateException if the port cannot be bound, or the warm-up fails (with the reason)
         */
        public QperfServer build() {
            InetAddress bind = validateListenOptions();
            TransportType transport = transport();
            ServerLimits limits = new ServerLimits(maxTime, maxMsgSize, ServerLimits.DEFAULT.maxSockBufSize(),
                    maxSessions);
            warmUp();
            ServerSkeleton skeleton = new ServerSkeleton(transport, threads(), "netbench-qperf-server");
            ServerContext context = new ServerContext(transport, bind, limits, notices, skeleton.connections());
            Channel tcp = skeleton.bind(Listeners.tcp(skeleton.group(), context), bind, port(), "");
            skeleton.bind(Listeners.udp(skeleton.group(), context), bind,
                    ((InetSocketAddress) tcp.localAddress()).getPort(), "UDP");
            return new QperfServer(skeleton, tcp, transport, context);
        }

        /** Every socket test at once through the one-port path, from this process's qperf client. */
        @Override
        protected void warm(Duration time) {
            try {
                ServerWarmup.run(transport(), threads(), time);
            } catch (NetbenchException e) {
                throw new IllegalStateException("JIT warm-up on loopback failed: " + e.getMessage(), e);
            }
        }
    }
}
