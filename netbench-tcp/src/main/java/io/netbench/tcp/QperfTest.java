package io.netbench.tcp;

import java.util.Locale;
import java.util.Set;

/**
 * The qperf tests netbench runs, with qperf 0.4.11's request index (its position in qperf's test
 * table, sent on the wire) and default message size. {@link #fromName(String)} finds a test by the
 * name qperf's command line uses and refuses, by name, those pure Java cannot run (RDMA, SDP, RDS
 * and SCTP).
 */
public enum QperfTest {
    /** The server's configuration: node, CPU, OS and qperf version. */
    CONF(0, 0),
    /** Asks the server to quit; a netbench server acknowledges it and keeps serving. */
    QUIT(1, 0),
    /** TCP bandwidth: one side sends messages of msg_size as fast as it can, the other counts them. */
    TCP_BW(8, 64 * 1024),
    /** TCP latency: a message of msg_size back and forth, reported as half the round trip. */
    TCP_LAT(9, 1),
    /** UDP bandwidth: datagrams of msg_size as fast as the sender can; lost ones are not received. */
    UDP_BW(10, 32 * 1024),
    /** UDP latency: a datagram of msg_size back and forth, reported as half the round trip. */
    UDP_LAT(11, 1);

    /** The largest UDP payload over IPv4 (65535 less the IP and UDP headers): the largest UDP msg_size. */
    public static final int MAX_UDP_MSG_SIZE = 65507;

    private static final Set<String> UNSUPPORTED_PREFIXES = Set.of("rc_", "uc_", "ud_", "xrc_", "ver_", "sdp_",
        "rds_", "sctp_");

    private final int index;
    private final int defaultMsgSize;

    QperfTest(int index, int defaultMsgSize) {
        this.index = index;
        this.defaultMsgSize = defaultMsgSize;
    }

    /** {@return qperf's request index for this test} */
    public int index() {
        return index;
    }

    /** {@return qperf's default msg_size: 64 KiB for tcp_bw, 32 KiB for udp_bw, 1 byte for latency, 0 else} */
    public int defaultMsgSize() {
        return defaultMsgSize;
    }

    /** {@return the name qperf uses: {@code tcp_bw}, {@code udp_lat}, {@code conf}...} */
    public String qperfName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return whether the test's data goes over UDP} */
    public boolean isUdp() {
        return this == UDP_BW || this == UDP_LAT;
    }

    /** {@return whether the test measures bandwidth (tcp_bw, udp_bw)} */
    public boolean isBandwidth() {
        return this == TCP_BW || this == UDP_BW;
    }

    /** {@return whether the test measures latency (tcp_lat, udp_lat)} */
    public boolean isLatency() {
        return this == TCP_LAT || this == UDP_LAT;
    }

    /** {@return whether this test moves data over a socket (everything but conf and quit)} */
    public boolean isSocketTest() {
        return isBandwidth() || isLatency();
    }

    /**
     * The test of a request index.
     *
     * @param index qperf's request index, as sent on the wire
     * @return the test, or {@code null} if netbench has none of that index
     */
    public static QperfTest byIndex(int index) {
        for (QperfTest t : values()) {
            if (t.index == index) {
                return t;
            }
        }
        return null;
    }

    /**
     * The test qperf calls {@code name}.
     *
     * @param name as on qperf's command line, e.g. {@code tcp_bw}
     * @return the test
     * @throws IllegalArgumentException naming the test, saying whether qperf has it but netbench
     *     cannot run it (RDMA, SDP, RDS, SCTP), or that it is unknown
     */
    public static QperfTest fromName(String name) {
        for (QperfTest t : values()) {
            if (t.qperfName().equals(name)) {
                return t;
            }
        }
        if (UNSUPPORTED_PREFIXES.stream().anyMatch(name::startsWith)) {
            throw new IllegalArgumentException(name + ": not supported by netbench (pure Java: RDMA, SDP, RDS and"
                    + " SCTP tests are unavailable; use tcp_bw, tcp_lat, udp_bw, udp_lat, conf or quit)");
        }
        throw new IllegalArgumentException(name + ": no such test (expected tcp_bw, tcp_lat, udp_bw, udp_lat,"
                + " conf or quit)");
    }
}
