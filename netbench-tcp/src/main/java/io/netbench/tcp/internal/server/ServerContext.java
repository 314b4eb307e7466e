package io.netbench.tcp.internal.server;

import io.netbench.core.TransportType;
import io.netbench.core.internal.CpuPinning;
import io.netbench.tcp.QperfConf;
import io.netty.channel.group.ChannelGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What every connection of one qperf server shares: its transport and bind address, its limits
 * and the count of tests and buffer memory held under them, where notices go, the CPU pins of its
 * event loops, the sessions waiting for a one-port data path (by token, and for UDP by the
 * client's address), and this machine's qperf conf, read once at start: files cannot be opened
 * when the server has used up its descriptors.
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
    /** The direct memory that the data buffers of running tests hold. */
    final MemoryBudget memory;
    /** What {@code conf} answers. */
    final QperfConf conf = QperfConf.local();
    /** Every accepted connection and every session's own data socket, so that closing the server closes them all. */
    final ChannelGroup connections;
    /** Where tests and refusals are counted for {@code /metrics}; set once, by the server, before it listens. */
    QperfMetrics metrics;

    /**
     * The context of a server with this transport, bind address ({@code null}: all), limits,
     * budget of direct memory for test buffers (bytes) and notices, whose {@code connections} the
     * server closes when it closes.
     */
    public ServerContext(TransportType transport, InetAddress bindAddress, ServerLimits limits, long memoryBudget,
                         Consumer<String> notices, ChannelGroup connections) {
        this.transport = transport;
        this.bindAddress = bindAddress;
        this.limits = limits;
        this.memory = new MemoryBudget(memoryBudget);
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

    /** {@return the default budget of direct memory for test buffers, in bytes (see {@link MemoryBudget#automatic()})} */
    public static long automaticMemoryBudget() {
        return MemoryBudget.automatic();
    }

    /** {@return the direct memory that test buffers may hold together, in bytes} */
    public long memoryBudget() {
        return memory.limit();
    }

    /**
     * Counts in a new test whose buffers take {@code bufferBytes}, or says why it cannot run now:
     * {@link ServerLimits#maxSessions()} are running, or its buffers do not fit in the budget.
     *
     * @return {@code null} if admitted (then {@link #sessionClosed} once), else the refusal
     */
    String admit(long bufferBytes) {
        if (sessions.incrementAndGet() > limits.maxSessions()) {
            sessions.decrementAndGet();
            return "server busy: " + limits.maxSessions() + " tests are running, the most it allows";
        }
        if (!memory.reserve(bufferBytes)) {
            sessions.decrementAndGet();
            return "server busy: memory: the test needs " + MemoryBudget.describe(bufferBytes) + " of buffers, "
                    + MemoryBudget.describe(memory.limit() - memory.reserved()) + " of "
                    + MemoryBudget.describe(memory.limit()) + " are free";
        }
        return null;
    }

    /** Counts a test out and frees its buffers' share of the budget; once per successful {@link #admit}. */
    void sessionClosed(long bufferBytes) {
        memory.release(bufferBytes);
        sessions.decrementAndGet();
    }
}
