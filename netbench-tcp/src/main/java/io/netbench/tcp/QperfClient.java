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
 * Runs one qperf test against a netbench server or the real qperf daemon: the fluent way to build
 * a {@link QperfOptions} and run it.
 *
 * <pre>{@code
 * QperfResult r = QperfClient.to("10.0.0.1", 19765).test(QperfTest.TCP_LAT).msgSize(64)
 *         .time(Duration.ofSeconds(2)).run();
 * double halfRoundTripMicros = r.latencyNanos() / 1000;
 * }</pre>
 *
 * <p>Each setter returns this client; {@link #options()} checks them all at once and names the
 * first bad one ({@link IllegalArgumentException}), and so do {@link #validate()}, {@link #run()}
 * and {@link #start()} before they connect. The defaults are qperf's: tcp_lat, the test's default
 * message size, 2 s, a 5 s timeout.
 *
 * <p>Against a netbench server every test runs through the one port given (one-port mode, on by
 * default), so a forwarded port (a Kubernetes Service, a NAT) is enough; against the real qperf
 * daemon the client follows qperf's classic second data port. {@link #streams(int)} runs a
 * bandwidth test over several connections at once (iperf3's {@code -P}) and adds them up; that
 * needs a netbench server, since qperf serves one test at a time.
 *
 * <p>A run fails with a {@link QperfException} of one line, worded as qperf words it ({@code server:
 * ...} for a refusal). A client is a builder, not thread-safe; each run of it is independent.
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

    /**
     * A client of one server.
     * @param host a name, an IPv4 or an IPv6 literal
     * @param port the server's listen port (qperf's {@code -lp}), 19765 by default on its side
     * @return a client with qperf's defaults
     */
    public static QperfClient to(String host, int port) {
        return new QperfClient(host, port);
    }

    /**
     * The test to run; default tcp_lat.
     * @param test the test
     * @return this client
     */
    public QperfClient test(QperfTest test) {
        this.test = Objects.requireNonNull(test, "test");
        return this;
    }

    /**
     * Message size in bytes (qperf's {@code -m}); 0 (default) means the test's default.
     * @param msgSize 0, or 1..4294967295 (at most {@value QperfTest#MAX_UDP_MSG_SIZE} for UDP tests)
     * @return this client
     */
    public QperfClient msgSize(long msgSize) {
        this.msgSize = msgSize;
        return this;
    }

    /**
     * How long the test runs (qperf's {@code -t}): whole seconds, as in qperf; default 2 s.
     * @param time at least a second
     * @return this client
     */
    public QperfClient time(Duration time) {
        this.time = time;
        return this;
    }

    /**
     * How long to wait for the server at each step (qperf's {@code -to}); default 5 s.
     * @param timeout at least a second
     * @return this client
     */
    public QperfClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * How long to keep trying, once a second, while the server is not listening yet (qperf's
     * {@code -ws}, there 5 s by default); default 0: fail at the first refused connection.
     * @param waitServer 0 or more
     * @return this client
     */
    public QperfClient waitServer(Duration waitServer) {
        this.waitServer = waitServer;
        return this;
    }

    /**
     * Socket buffer size on both sides (qperf's {@code -sb}); 0 keeps the system's.
     * @param size bytes, 0..2147483647
     * @return this client
     */
    public QperfClient sockBufSize(long size) {
        return sockBufSize(size, size);
    }

    /**
     * Socket buffer sizes on this side and on the server (qperf's {@code -lsb}/{@code -rsb}).
     * @param local this side's, in bytes; 0 keeps the system's
     * @param remote the server's, in bytes; 0 keeps its system's
     * @return this client
     */
    public QperfClient sockBufSize(long local, long remote) {
        this.localSockBufSize = local;
        this.remoteSockBufSize = remote;
        return this;
    }

    /**
     * The classic data port to ask a real qperf server for (qperf's {@code -ip}).
     * @param dataPort 0 (default: any) to 65535
     * @return this client
     */
    public QperfClient dataPort(int dataPort) {
        this.dataPort = dataPort;
        return this;
    }

    /**
     * Ask the server to touch the data it receives (qperf's {@code -ar}).
     * @param accessRecv whether to; default false
     * @return this client
     */
    public QperfClient accessRecv(boolean accessRecv) {
        this.accessRecv = accessRecv;
        return this;
    }

    /**
     * Ask a netbench server to carry the data on the listen port too (default); false uses
     * qperf's second port even there (netbench's {@code --classic}).
     * @param onePort whether to
     * @return this client
     */
    public QperfClient onePort(boolean onePort) {
        this.onePort = onePort;
        return this;
    }

    /**
     * Parallel connections of a bandwidth test, added up (iperf3's {@code -P}; netbench servers
     * only); default 1.
     * @param streams 1..128
     * @return this client
     */
    public QperfClient streams(int streams) {
        this.streams = streams;
        return this;
    }

    /**
     * For tcp_bw: the server sends and this side receives (iperf3's {@code --reverse}, qperf's
     * flip); needs a netbench server, since qperf's socket tests ignore flip.
     * @param reverse whether to; default false
     * @return this client
     */
    public QperfClient reverse(boolean reverse) {
        this.reverse = reverse;
        return this;
    }

    /**
     * Pins both sides to one CPU, as qperf's {@code -ca cpu+1}: the library counts CPUs from 0 as
     * Linux does ({@code taskset}, {@code /proc/cpuinfo}); qperf and netbench's CLI count from 1.
     * @param cpu counted from 0, or {@link #NO_AFFINITY}
     * @return this client
     */
    public QperfClient cpuAffinity(int cpu) {
        return cpuAffinity(cpu, cpu);
    }

    /**
     * Pins this side's test thread and the server's data-path thread to a CPU each (qperf's
     * {@code -lca}/{@code -rca}, which count from 1). The local thread gets its CPU set back after
     * the run. A real qperf server pins its whole test process.
     * @param localCpu this side's CPU, counted from 0, or {@link #NO_AFFINITY} (default)
     * @param remoteCpu the server's CPU, counted from 0, or {@link #NO_AFFINITY} (default)
     * @return this client
     */
    public QperfClient cpuAffinity(int localCpu, int remoteCpu) {
        this.localCpu = localCpu;
        this.remoteCpu = remoteCpu;
        return this;
    }

    /**
     * How the data path does its I/O (default: {@link TransportType#defaultType()}). With a native
     * transport, data goes through Netty's JNI on a blocking socket, one {@code send()} or
     * {@code recv()} per call as in qperf; with {@link TransportType#NIO}, through the JDK's
     * channels, which cost more per call. Either way the client blocks on one thread per stream,
     * with no event loop in the measured path.
     * @param transport an available transport
     * @return this client
     */
    public QperfClient transport(TransportType transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * Before the test, drives its measuring loop for this long against a peer in this process on
     * loopback, so that the JIT has compiled it when the measured time starts; the server sees
     * none of it. Default none; the CLI warms before the first test of each kind.
     * @param jitWarmup 0, or at least a millisecond
     * @return this client
     */
    public QperfClient jitWarmup(Duration jitWarmup) {
        this.jitWarmup = jitWarmup;
        return this;
    }

    /**
     * The options set so far, checked: what {@link #run()} and {@link #start()} run.
     * @return an immutable copy; later setters do not change it
     * @throws IllegalArgumentException naming the first bad option
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
     * @throws IllegalArgumentException naming the first bad option
     */
    public void validate() {
        options();
    }

    /**
     * Runs the test on this thread.
     * @return the result; for several streams, their counters added
     * @throws IllegalArgumentException naming the first bad option
     * @throws QperfException with a one-line reason when the server cannot be reached, refuses or fails
     * @throws RunInterruptedException when the thread is interrupted while it waits for the server
     *     ({@link #waitServer}) or for parallel streams
     */
    public QperfResult run() throws NetbenchException {
        return new QperfRunner(options()).run();
    }

    /**
     * Runs the test on a thread of its own. Cancelling the future ({@code cancel(true)} or
     * {@code cancel(false)}) ends the run within a second: it closes every connection of the run
     * (control and data, of every stream) and ends its threads; the future completes with a
     * {@link java.util.concurrent.CancellationException}.
     * @return the result to come, or the failure {@link #run()} would throw
     * @throws IllegalArgumentException naming the first bad option, before anything starts
     */
    public CompletableFuture<QperfResult> start() {
        QperfRunner runner = new QperfRunner(options());
        return Async.start("netbench-qperf", runner::run, runner::abort);
    }
}
