package io.netbench.tcp.internal.server;

import io.netbench.core.TransportType;
import io.netbench.core.internal.CpuPinning;
import io.netty.channel.group.ChannelGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What every connection of one qperf server shares: its transport and bind address, its limits
 * and the count of tests held under them, where notices go, the CPU pins of its event loops, and
 * the sessions waiting for a one-port data path (by token, and for UDP by the client's address).
 */
public final class ServerContext {
    final TransportType transport;
    final InetAddress bindAddress;
    final ServerLimits limits;
    final Consumer<String> notices;
    final Map<String, Session> byToken = new ConcurrentHashMap<>();
    final Map<InetSocketAddress, Session> byUdpPeer = new ConcurrentHashMap<>();
    /** The event-loop threads that sessions asking for qperf's remote affinity have pinned. */
    final CpuPinning pinning = new CpuPinning();
    /** Tests between their accepted request and their close, held under {@link ServerLimits#maxSessions()}. */
    private final AtomicInteger sessions = new AtomicInteger();
    /** Every accepted connection and every session's own data socket, so that closing the server closes them all. */
    final ChannelGroup connections;
    /** Where tests and refusals are counted for {@code /metrics}; set once, by the server, before it listens. */
    QperfMetrics metrics;

    /**
     * The context of a server with this transport, bind address ({@code null}: all), limits and
     * notices, whose {@code connections} the server closes when it closes.
     */
    public ServerContext(TransportType transport, InetAddress bindAddress, ServerLimits limits,
                         Consumer<String> notices, ChannelGroup connections) {
        this.transport = transport;
        this.bindAddress = bindAddress;
        this.limits = limits;
        this.notices = notices;
        this.connections = connections;
    }

    /**
     * Whether each test's data socket is served by a {@link DataThread} of its own (epoll), rather
     * than on an event loop; one-port UDP sessions then get sockets of their own on the listen
     * port, which must allow {@code SO_REUSEPORT}.
     */
    boolean dataThreads() {
        return transport == TransportType.EPOLL;
    }

    /** Counts tests and refusals into {@code metrics}, for {@code /metrics}; before the server listens. */
    public void countInto(io.netbench.core.ServerMetrics registry) {
        this.metrics = new QperfMetrics(registry, this);
    }

    /** Tests in progress (classic or one-port), for tests and shutdown. */
    public int activeSessions() {
        return sessions.get();
    }

    /** Counts a new test in, or returns {@code false} when {@link ServerLimits#maxSessions()} are running. */
    boolean openSession() {
        if (sessions.incrementAndGet() > limits.maxSessions()) {
            sessions.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Counts a test out; once per successful {@link #openSession()}. */
    void sessionClosed() {
        sessions.decrementAndGet();
    }
}
