package io.netbench.tcp;

import java.util.Locale;
import java.util.Set;

/**
 * The qperf tests netbench runs, with qperf 0.4.11's request index (its position in qperf's test
 * table, sent on the wire) and default message size. RDMA, SDP, RDS and SCTP tests are not
 * available in pure Java; {@link #fromName(String)} refuses them by name.
 */
public enum QperfTest {
    CONF(0, 0),
    QUIT(1, 0),
    TCP_BW(8, 64 * 1024),
    TCP_LAT(9, 1),
    UDP_BW(10, 32 * 1024),
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

    /** qperf's request index for this test. */
    public int index() {
        return index;
    }

    /** qperf's default msg_size: 64 KiB for tcp_bw, 32 KiB for udp_bw, 1 byte for latency. */
    public int defaultMsgSize() {
        return defaultMsgSize;
    }

    /** The name qperf uses: {@code tcp_bw}, {@code udp_lat}, {@code conf}... */
    public String qperfName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isUdp() {
        return this == UDP_BW || this == UDP_LAT;
    }

    public boolean isBandwidth() {
        return this == TCP_BW || this == UDP_BW;
    }

    public boolean isLatency() {
        return this == TCP_LAT || this == UDP_LAT;
    }

    /** Whether this test moves data over a socket (everything but conf and quit). */
    public boolean isSocketTest() {
        return isBandwidth() || isLatency();
    }

    /** The test with qperf's request {@code index}, or {@code null}. */
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
