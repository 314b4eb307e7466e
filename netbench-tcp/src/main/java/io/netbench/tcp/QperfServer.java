package io.netbench.tcp;

import io.netbench.core.AbstractServerBuilder;
import io.netbench.core.NetbenchException;
import io.netbench.core.TransportType;
import io.netbench.core.internal.LibC;
import io.netbench.core.internal.ServerSkeleton;
import io.netbench.tcp.internal.server.Listeners;
import io.netbench.tcp.internal.server.ServerContext;
import io.netbench.tcp.internal.server.ServerLimits;
import io.netty.channel.Channel;
import java.io.IOException;
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
    /** How long the server waits by default for each step of a client's handshake: 10 s. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = ServerLimits.DEFAULT.handshakeTimeout();

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

    /** {@return a builder with the defaults: port {@value #DEFAULT_PORT} on all addresses, no warm-up} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a server with the defaults.
     *
     * @param port the port to listen on, 0 for any free one
     * @return the server, listening
     * @throws IllegalStateException if the port cannot be bound (naming the address and the reason)
     */
    public static QperfServer start(int port) {
        return builder().port(port).build();
    }

    /** {@return the TCP (and UDP) port the server listens on} */
    public int port() {
        return localAddress().getPort();
    }

    /** {@return the address and port the server listens on (the wildcard address for all)} */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) tcp.localAddress();
    }

    /** {@return the transport of the server's event loops} */
    public TransportType transport() {
        return transport;
    }

    /** {@return the tests in progress: from their accepted request until their connections close} */
    public int activeSessions() {
        return context.activeSessions();
    }

    /** {@return the direct memory that the buffers of all running tests may hold together, in bytes} */
    public long memoryBudget() {
        return context.memoryBudget();
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
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private long memoryBudget = -1;
        private Consumer<String> notices = s -> { };

        private Builder() {
            super(DEFAULT_PORT);
        }

        /**
         * The longest test a client may ask for; longer ones are refused with the reason.
         *
         * @param maxTime at least a second; default one hour
         * @return this builder
         */
        public Builder maxTime(Duration maxTime) {
            this.maxTime = maxTime;
            return this;
        }

        /**
         * The largest msg_size a client may ask for (UDP tests: at most one datagram's).
         *
         * @param maxMsgSize bytes, at least 1; default 64 MiB
         * @return this builder
         */
        public Builder maxMsgSize(long maxMsgSize) {
            this.maxMsgSize = maxMsgSize;
            return this;
        }

        /**
         * The most tests that may run at once, over all clients (each stream of {@code -P} counts);
         * more are refused with "server busy". On epoll each test is served by a thread of its own,
         * as qperf forks a process per test.
         *
         * @param maxSessions at least 1; default 256
         * @return this builder
         */
        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        /**
         * How long the server waits for each step of a client's handshake before closing its
         * connection: the first bytes, the request or one-port preamble, the synchronisation
         * before the test. Connections that send nothing, or stop half-way, then cannot pile up.
         *
         * @param handshakeTimeout positive; default 10 s
         * @return this builder
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
            return this;
        }

        /**
         * The direct memory that the data buffers of all running tests may hold together; a test
         * whose buffers do not fit is refused with "server busy: memory" before it starts. A test's
         * buffers are about its msg_size (a tcp_bw receiver reads 64 KiB at most, a UDP test holds
         * 64 KiB).
         *
         * @param bytes at least 0; default: the JVM's direct memory limit, or the container's memory
         *     limit if lower, less a quarter (at least 16 MiB) for the event loops
         * @return this builder
         */
        public Builder memoryBudget(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("memoryBudget must be >= 0: " + bytes);
            }
            this.memoryBudget = bytes;
            return this;
        }

        /**
         * Where the server tells about refused and failed clients, one line each, from its event loops.
         *
         * @param notices e.g. {@code System.err::println}; default none
         * @return this builder
         */
        public Builder notices(Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        /**
         * Validates the options, warms up if asked ({@link #jitWarmup(Duration)}) and starts listening.
         *
         * @return the server, listening
         * @throws IllegalArgumentException naming a bad option
         * @throws IllegalStateException if the port cannot be bound, or the warm-up fails (with the reason)
         */
        public QperfServer build() {
            InetAddress bind = validateListenOptions();
            TransportType transport = transport();
            ServerLimits limits = new ServerLimits(maxTime, maxMsgSize, ServerLimits.DEFAULT.maxSockBufSize(),
                    maxSessions, handshakeTimeout);
            warmUp();
            bindNativeCalls();
            ServerSkeleton skeleton = new ServerSkeleton(transport, threads(), "netbench-qperf-server");
            ServerContext context = new ServerContext(transport, bind, limits,
                    memoryBudget >= 0 ? memoryBudget : ServerContext.automaticMemoryBudget(), notices,
                    skeleton.connections());
            context.countInto(metrics());
            Channel tcp = skeleton.bind(Listeners.tcp(skeleton.group(), context), bind, port(), "");
            skeleton.bind(Listeners.udp(skeleton.group(), context), bind,
                    ((InetSocketAddress) tcp.localAddress()).getPort(), "UDP");
            return new QperfServer(skeleton, tcp, transport, context);
        }

        /** libc now, not on a connection once descriptors have run out (see {@link LibC#bind()}). */
        private void bindNativeCalls() {
            try {
                LibC.bind();
            } catch (IOException e) {
                notices.accept("qperf: " + e.getMessage());
            }
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
