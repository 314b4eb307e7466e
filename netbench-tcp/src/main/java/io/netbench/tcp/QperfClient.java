package io.netbench.tcp;

import io.netbench.core.NetbenchException;
import io.netbench.core.RunInterruptedException;
import io.netbench.core.TransportType;
import io.netbench.core.internal.Async;
import io.netbench.tcp.internal.client.QperfRunner;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one qperf test against a qperf server, a netbench server or the real qperf daemon.
 *
 * <pre>{@code
 * QperfResult r = QperfClient.to("127.0.0.1", 19765).test(QperfTest.TCP_LAT).msgSize(64)
 *         .time(Duration.ofSeconds(2)).run();
 * double halfRoundTripMicros = r.latencyNanos() / 1000;
 * }</pre>
 *
 * <p>Against a netbench server every test runs through the one port given (one-port mode, on by
 * default); against the real qperf daemon the client follows qperf's classic second data port.
 * {@link #streams(int)} runs a bandwidth test over several connections at once (iperf3's
 * {@code -P}) and adds them up; that needs a netbench server, since qperf serves one test at a time.
 * Options are checked by {@link #run()}, which names a bad one. Instances are not thread-safe; each
 * run is independent.
 */
public final class QperfClient {
    /** For {@link #cpuAffinity(int, int)}: leave that side's threads where the system puts them. */
    public static final int NO_AFFINITY = QperfOptions.NO_AFFINITY;

    private final String host;
    private final int port;
    private QperfTest test = QperfTest.TCP_LAT;
    private long msgSize;
    private Duration time = Duration.ofSeconds(2);
    private Duration timeout = Duration.ofSeconds(5);
    private Duration waitServer = Duration.ZERO;
    private long localSockBufSize;
    private long remoteSockBufSize;
    private int dataPort;
    private boolean accessRecv;
    private boolean onePort = true;
    private int streams = 1;
    private boolean reverse;
    private int localCpu = NO_AFFINITY;
    private int remoteCpu = NO_AFFINITY;
    private TransportType transport = TransportType.defaultType();
    private Duration jitWarmup = Duration.ZERO;

    private QperfClient(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
    }

    /** A client of the server at {@code host} (name, IPv4 or IPv6 literal) and {@code port}. */
    public static QperfClient to(String host, int port) {
        return new QperfClient(host, port);
    }

    public QperfClient test(QperfTest test) {
        this.test = Objects.requireNonNull(test, "test");
        return this;
    }

    /** Message size in bytes; 0 (default) means qperf's default for the test. */
    public QperfClient msgSize(long msgSize) {
        this.msgSize = msgSize;
        return this;
    }

    /** Test duration, whole seconds as in qperf; default 2 s. */
    public QperfClient time(Duration time) {
        this.time = time;
        return this;
    }

    /** How long to wait for the server at each step; default 5 s. */
    public QperfClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * How long to keep trying, once a second, while the server is not listening yet (qperf's
     * {@code -ws}, there 5 s by default); default 0: fail at the first refused connection.
     */
    public QperfClient waitServer(Duration waitServer) {
        this.waitServer = waitServer;
        return this;
    }

    /** Socket buffer size on both sides (qperf -sb); 0 keeps the system's. */
    public QperfClient sockBufSize(long size) {
        return sockBufSize(size, size);
    }

    /** Socket buffer sizes on this side and on the server (qperf -lsb/-rsb). */
    public QperfClient sockBufSize(long local, long remote) {
        this.localSockBufSize = local;
        this.remoteSockBufSize = remote;
        return this;
    }

    /** The classic data port to ask a real qperf server for (qperf -ip); 0 = any. */
    public QperfClient dataPort(int dataPort) {
        this.dataPort = dataPort;
        return this;
    }

    /** Ask the server to touch received data (qperf -ar). */
    public QperfClient accessRecv(boolean accessRecv) {
        this.accessRecv = accessRecv;
        return this;
    }

    /** Ask a netbench server to use the listen port for data too (default true). */
    public QperfClient onePort(boolean onePort) {
        this.onePort = onePort;
        return this;
    }

    /** Parallel connections of a bandwidth test (netbench servers only); default 1. */
    public QperfClient streams(int streams) {
        this.streams = streams;
        return this;
    }

    /**
     * For tcp_bw: the server sends and this side receives (iperf3's {@code --reverse}, qperf's
     * flip); needs a netbench server, since qperf's socket tests ignore flip.
     */
    public QperfClient reverse(boolean reverse) {
        this.reverse = reverse;
        return this;
    }

    /** Pins both sides to CPU {@code cpu} (0-based), as qperf's {@code -ca cpu+1}. */
    public QperfClient cpuAffinity(int cpu) {
        return cpuAffinity(cpu, cpu);
    }

    /**
     * Pins this side's test thread and the server's data-path thread to a CPU each (0-based, or
     * {@link #NO_AFFINITY}; qperf's {@code -lca}/{@code -rca}, which count from 1). The local thread
     * gets its CPU set back after the run. A real qperf server pins its whole test process.
     */
    public QperfClient cpuAffinity(int localCpu, int remoteCpu) {
        this.localCpu = localCpu;
        this.remoteCpu = remoteCpu;
        return this;
    }

    /**
     * How the data path does its I/O (default: {@link TransportType#defaultType()}). With a native
     * transport, TCP data goes through Netty's JNI on a blocking socket, one {@code send()} or
     * {@code recv()} per call as in qperf; with {@link TransportType#NIO}, through the JDK's
     * {@code SocketChannel}, which costs more per call. Either way the client blocks on one
     * thread per stream, with no event loop in the measured path.
     */
    public QperfClient transport(TransportType transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * Before the test, drives its measuring loop for this long against a peer in this process on
     * loopback, so that the JIT has compiled it when the measured time starts; the server sees
     * none of it. A cold JVM sends 5 % less in its first test. Default none; the CLI warms before
     * the first test of each kind.
     */
    public QperfClient jitWarmup(Duration jitWarmup) {
        this.jitWarmup = jitWarmup;
        return this;
    }

    /**
     * The options set so far, checked: what {@link #run()} and {@link #start()} run.
     *
     * @throws IllegalArgumentException naming a bad option
     */
    public QperfOptions options() {
        return new QperfOptions(host, port, test, msgSize, time, timeout, waitServer, localSockBufSize,
                remoteSockBufSize, dataPort, accessRecv, onePort, streams, reverse, localCpu, remoteCpu, transport,
                jitWarmup);
    }

    /**
     * Checks the options without connecting, as {@link #run()} and {@link #start()} do first; a
     * caller with several tests to run can find a bad one before running any.
     *
     * @throws IllegalArgumentException naming a bad option
     */
    public void validate() {
        options();
    }

    /**
     * Runs the test and returns its result.
     *
     * @throws IllegalArgumentException naming a bad option
     * @throws QperfException with a one-line reason when the server cannot be reached or fails
     * @throws RunInterruptedException when the thread is interrupted while it waits for the server
     *     ({@link #waitServer}) or for parallel streams
     */
    public QperfResult run() throws NetbenchException {
        return new QperfRunner(options()).run();
    }

    /**
     * Runs the test in the background. Cancelling the future ({@code cancel(true)} or
     * {@code cancel(false)}) ends the run: it closes every connection of the run (control and data,
     * every stream) and ends its threads; the future completes with a
     * {@link java.util.concurrent.CancellationException}.
     *
     * @throws IllegalArgumentException naming a bad option
     */
    public CompletableFuture<QperfResult> start() {
        QperfRunner runner = new QperfRunner(options());
        return Async.start("netbench-qperf", runner::run, runner::abort);
    }
}
