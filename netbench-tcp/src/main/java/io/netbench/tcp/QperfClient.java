package io.netbench.tcp;

import io.netbench.core.CpuSnapshot;
import io.netbench.core.CpuUsage;
import io.netbench.core.LatencyRecorder;
import io.netbench.core.LatencyStats;
import io.netbench.core.TransportType;
import io.netbench.core.internal.Async;
import io.netbench.core.internal.CpuPinning;
import io.netbench.tcp.QperfResult.Counters;
import io.netbench.tcp.internal.client.ClientWarmup;
import io.netbench.tcp.internal.client.ControlConnection;
import io.netbench.tcp.internal.client.DataPath;
import io.netbench.tcp.internal.protocol.ConfCodec;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netbench.tcp.internal.protocol.QperfStat;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
    public static final int NO_AFFINITY = -1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CPUS = 1024;
    private static final int WARMUP_MAX_MSG = 64 * 1024;

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

    /** Runs the test in the background. */
    public CompletableFuture<QperfResult> start() {
        validate();
        return Async.start("netbench-qperf", this::run);
    }

    /**
     * Runs the test and returns its result.
     *
     * @throws IllegalArgumentException naming a bad option
     * @throws QperfException with a one-line reason when the server cannot be reached or fails
     */
    public QperfResult run() throws QperfException {
        validate();
        if (!jitWarmup.isZero() && test.isSocketTest()) {
            long size = msgSize > 0 ? msgSize : test.defaultMsgSize();
            ClientWarmup.run(test, (int) Math.min(size, WARMUP_MAX_MSG), jitWarmup, transport != TransportType.NIO,
                    reverse);
        }
        if (streams == 1 || !test.isBandwidth()) {
            return runOne();
        }
        List<CompletableFuture<QperfResult>> runs = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            runs.add(Async.start("netbench-qperf-stream-" + i, this::runOne));
        }
        List<QperfResult> results = new ArrayList<>();
        for (Future<QperfResult> run : runs) {
            results.add(await(run));
        }
        return QperfResult.combine(results);
    }

    private static QperfResult await(Future<QperfResult> run) throws QperfException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof QperfException q ? q : new QperfException(e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QperfException("interrupted", e);
        }
    }

    /**
     * Checks the options without connecting, as {@link #run()} and {@link #start()} do first; a
     * caller with several tests to run can find a bad one before running any.
     *
     * @throws IllegalArgumentException naming a bad option
     */
    public void validate() {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (msgSize < 0 || msgSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("msg_size must be 1..4294967295 bytes: " + msgSize);
        }
        if (test.isUdp() && msgSize > QperfTest.MAX_UDP_MSG_SIZE) {
            throw new IllegalArgumentException("msg_size " + msgSize + " is too large for " + test.qperfName()
                    + ": a UDP datagram carries at most " + QperfTest.MAX_UDP_MSG_SIZE + " bytes");
        }
        if (time == null || time.toSeconds() < 1 || time.toSeconds() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("time must be at least 1 second: " + time);
        }
        if (timeout == null || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 second: " + timeout);
        }
        if (waitServer == null || waitServer.isNegative()) {
            throw new IllegalArgumentException("wait_server must be >= 0: " + waitServer);
        }
        if (localSockBufSize < 0 || remoteSockBufSize < 0 || localSockBufSize > Integer.MAX_VALUE
                || remoteSockBufSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sock_buf_size must be 0..2147483647");
        }
        if (dataPort < 0 || dataPort > 65535) {
            throw new IllegalArgumentException("ip_port must be 0..65535: " + dataPort);
        }
        if (streams < 1 || streams > 128) {
            throw new IllegalArgumentException("streams must be 1..128: " + streams);
        }
        if (localCpu < NO_AFFINITY || remoteCpu < NO_AFFINITY || localCpu >= MAX_CPUS || remoteCpu >= MAX_CPUS) {
            throw new IllegalArgumentException("cpu affinity must be 0.." + (MAX_CPUS - 1) + " or NO_AFFINITY: "
                    + localCpu + ", " + remoteCpu);
        }
        if (!transport.isAvailable()) {
            throw new IllegalArgumentException("transport " + transport.displayName() + " is "
                    + transport.availabilityText());
        }
        if (jitWarmup == null || jitWarmup.isNegative() || !jitWarmup.isZero() && jitWarmup.toMillis() < 1) {
            throw new IllegalArgumentException("jitWarmup must be 0 or at least 1 ms: " + jitWarmup);
        }
        if (reverse && test != QperfTest.TCP_BW) {
            throw new IllegalArgumentException("reverse applies to tcp_bw only, not " + test.qperfName());
        }
    }

    private QperfResult runOne() throws QperfException {
        if (localCpu == NO_AFFINITY) {
            return exchange();
        }
        CpuPinning.Pin pin;
        try {
            pin = new CpuPinning().pin(localCpu);
        } catch (IOException e) {
            throw new QperfException(e.getMessage(), e);
        }
        try (pin) {
            return exchange();
        }
    }

    /** One control connection: the request, and the test it asks for. */
    private QperfResult exchange() throws QperfException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        long size = msgSize > 0 ? msgSize : test.defaultMsgSize();
        String token = onePort && test.isSocketTest() ? HexFormat.of().formatHex(randomBytes()) : null;
        Instant start = Instant.now();
        try (ControlConnection control = ControlConnection.open(host, port, timeoutMillis,
                waitServer.toMillis())) {
            ByteBuf request = Unpooled.buffer(Wire.REQUEST_SIZE);
            QperfRequest.of(test.index(), size, time.toSeconds(), timeout.toSeconds(), remoteSockBufSize, dataPort,
                    accessRecv ? 1 : 0, reverse ? 1 : 0, token == null ? "" : Wire.ONE_PORT_MARKER + token)
                    .withAffinity(remoteCpu + 1).encode(request);
            control.send(request, "request data");
            String target = host + ":" + port;
            return switch (test) {
                case CONF -> confResult(target, start, control);
                case QUIT -> {
                    control.synchronize(Wire.SYNC_BEFORE);
                    yield emptyResult(target, start, null);
                }
                default -> measure(control, target, start, (int) size, token, timeoutMillis);
            };
        }
    }

    private QperfResult confResult(String target, Instant start, ControlConnection control) throws QperfException {
        QperfConf remote = ConfCodec.decode(control.receive(Wire.CONF_SIZE, "configuration"));
        return emptyResult(target, start, remote);
    }

    private QperfResult emptyResult(String target, Instant start, QperfConf remote) {
        CpuUsage none = new CpuUsage(0, 0, 0, 0, 0, 0, Double.NaN);
        return new QperfResult(test, target, start, 0, Duration.ZERO, Counters.ZERO, Counters.ZERO, none, none,
                LatencyStats.of(LatencyRecorder.newHistogram()), remote);
    }

    private QperfResult measure(ControlConnection control, String target, Instant start, int size, String token,
                                int timeoutMillis) throws QperfException {
        long port = control.receivePort();
        LatencyRecorder recorder = new LatencyRecorder();
        ScheduledExecutorService timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "netbench-qperf-timer");
            t.setDaemon(true);
            return t;
        });
        try (DataPath data = DataPath.open(test, control.server(), port, token, localSockBufSize, timeoutMillis,
                transport != TransportType.NIO)) {
            // The first snapshot loads the management classes (tens of milliseconds): not after the
            // sync, where the server's timer is already running.
            CpuSnapshot.now();
            control.synchronize(Wire.SYNC_BEFORE);
            CpuSnapshot begin = CpuSnapshot.now();
            long deadline = System.nanoTime() + time.toNanos();
            timer.schedule(data::stop, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            Counters local = data.run(size, deadline, recorder.newWriter(), reverse);
            CpuSnapshot end = CpuSnapshot.now();
            data.stop();
            control.setTimeout(timeoutMillis + 2000);
            QperfStat stat = QperfStat.decode(control.receive(Wire.STAT_SIZE, "results"));
            control.send(Wire.SYNC_AFTER, "synchronization");
            Counters remote = new Counters(stat.s().bytes(), stat.s().msgs(), stat.r().bytes(), stat.r().msgs());
            if (reverse && remote.sentBytes() == 0) {
                throw new QperfException("the server did not send: --reverse needs a netbench server");
            }
            CpuUsage remoteCpu = CpuUsage.fromTicks(stat.timeS(), stat.timeE(), stat.noTicks(), Double.NaN);
            return new QperfResult(test, target, start, size, time, local, remote, CpuUsage.between(begin, end),
                    remoteCpu, LatencyStats.of(recorder.total()), null);
        } catch (IOException e) {
            throw e instanceof QperfException q ? q : new QperfException(e.getMessage(), e);
        } finally {
            timer.shutdownNow();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[Wire.TOKEN_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
