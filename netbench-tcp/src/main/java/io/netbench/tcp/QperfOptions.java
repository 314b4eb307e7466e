package io.netbench.tcp;

import io.netbench.core.Durations;
import io.netbench.core.Ports;
import io.netbench.core.TransportType;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one qperf run needs, checked: an immutable value that {@link QperfClient} builds and
 * runs. A value that exists is valid: the constructor names the first bad option and its value
 * ({@link NullPointerException} for a null host, test or transport). Units are qperf's: bytes,
 * whole seconds for the test's time and timeout; CPUs are counted from 0 (qperf counts from 1).
 *
 * <pre>{@code
 * QperfOptions options = QperfClient.to("10.0.0.1", 19765).test(QperfTest.TCP_BW).streams(4).options();
 * }</pre>
 *
 * @param host the server: a name, an IPv4 or an IPv6 literal
 * @param port the server's listen port, 1..65535
 * @param test the test to run
 * @param msgSize bytes per message, 1..4294967295 (at most {@value QperfTest#MAX_UDP_MSG_SIZE}
 *     for UDP tests); 0 given to the constructor stands for the test's default, which this then holds
 * @param time how long the test runs: whole seconds, at least 1
 * @param timeout how long to wait for the server at each step: at least a second
 * @param waitServer how long to keep trying, once a second, while the server is not listening yet
 *     (qperf's {@code -ws}); 0 fails at the first refused connection
 * @param localSockBufSize this side's socket buffers in bytes; 0 keeps the system's
 * @param remoteSockBufSize the server's socket buffers in bytes; 0 keeps its system's
 * @param dataPort the classic data port to ask a real qperf server for (qperf's {@code -ip}); 0 any
 * @param accessRecv whether the server touches what it receives (qperf's {@code -ar})
 * @param onePort whether a netbench server is asked to carry the data on the listen port too
 * @param streams connections of a bandwidth test, added up (1..128; more than 1 needs a netbench server)
 * @param reverse for tcp_bw only: the server sends and this side receives (needs a netbench server)
 * @param localCpu the CPU this side's test thread runs on, or {@link #NO_AFFINITY}
 * @param remoteCpu the CPU the server's data path runs on, or {@link #NO_AFFINITY}
 * @param transport how the data path does its I/O; must be available on this machine
 * @param jitWarmup how long to drive the test's loop in this process before the test; 0 for none,
 *     else at least a millisecond
 */
public record QperfOptions(String host, int port, QperfTest test, long msgSize, Duration time, Duration timeout,
                           Duration waitServer, long localSockBufSize, long remoteSockBufSize, int dataPort,
                           boolean accessRecv, boolean onePort, int streams, boolean reverse, int localCpu,
                           int remoteCpu, TransportType transport, Duration jitWarmup) {
    /** For {@link #localCpu} and {@link #remoteCpu}: leave that side's threads where the system puts them. */
    public static final int NO_AFFINITY = -1;
    private static final int MAX_CPUS = 1024;
    private static final int MAX_STREAMS = 128;

    /**
     * Checks every option; each is described above, with its range.
     *
     * @param host the server
     * @param port its listen port
     * @param test the test
     * @param msgSize bytes per message, 0 for the test's default
     * @param time the test's duration
     * @param timeout the wait for the server at each step
     * @param waitServer how long to keep trying to reach the server
     * @param localSockBufSize this side's socket buffers
     * @param remoteSockBufSize the server's socket buffers
     * @param dataPort the classic data port to ask for
     * @param accessRecv whether the server touches what it receives
     * @param onePort whether to ask for the data on the listen port
     * @param streams parallel connections of a bandwidth test
     * @param reverse whether the server sends (tcp_bw)
     * @param localCpu this side's CPU
     * @param remoteCpu the server's CPU
     * @param transport the data path's I/O
     * @param jitWarmup the warm-up's duration
     * @throws IllegalArgumentException naming the first bad option and its value
     */
    public QperfOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(transport, "transport");
        Ports.checkConnect("port", port);
        check(msgSize >= 0 && msgSize <= 0xFFFFFFFFL, "msg_size must be 1..4294967295 bytes: " + msgSize);
        msgSize = msgSize > 0 ? msgSize : test.defaultMsgSize();
        check(!test.isUdp() || msgSize <= QperfTest.MAX_UDP_MSG_SIZE, "msg_size " + msgSize + " is too large for "
                + test.qperfName() + ": a UDP datagram carries at most " + QperfTest.MAX_UDP_MSG_SIZE + " bytes");
        check(time != null && time.toSeconds() >= 1 && time.toSeconds() <= 0xFFFFFFFFL,
                "time must be at least 1 second: " + Durations.format(time));
        check(timeout != null && timeout.toSeconds() >= 1, "timeout must be at least 1 second: " + Durations.format(timeout));
        check(waitServer != null && !waitServer.isNegative(), "wait_server must be >= 0: " + Durations.format(waitServer));
        check(localSockBufSize >= 0 && remoteSockBufSize >= 0 && localSockBufSize <= Integer.MAX_VALUE
                && remoteSockBufSize <= Integer.MAX_VALUE, "sock_buf_size must be 0..2147483647");
        Ports.checkListen("ip_port", dataPort);
        check(streams >= 1 && streams <= MAX_STREAMS, "streams must be 1.." + MAX_STREAMS + ": " + streams);
        check(localCpu >= NO_AFFINITY && remoteCpu >= NO_AFFINITY && localCpu < MAX_CPUS && remoteCpu < MAX_CPUS,
                "cpu affinity must be 0.." + (MAX_CPUS - 1) + " or NO_AFFINITY: " + localCpu + ", " + remoteCpu);
        check(transport.isAvailable(), "transport " + transport.displayName() + " is " + transport.availabilityText());
        check(jitWarmup != null && !jitWarmup.isNegative() && (jitWarmup.isZero() || jitWarmup.toMillis() >= 1),
                "jitWarmup must be 0 or at least 1 ms: " + Durations.format(jitWarmup));
        check(!reverse || test == QperfTest.TCP_BW, "reverse applies to tcp_bw only, not " + test.qperfName());
    }

    private static void check(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    /** {@return {@code host:port}, the target as results name it} */
    public String target() {
        return host + ":" + port;
    }
}
