package io.netbench.tcp.internal.server;

import io.netbench.core.Durations;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.QperfRequest;
import java.time.Duration;

/**
 * What a client may ask a netbench qperf server for, so that one request cannot push a pod over,
 * and how long it may take over each step of its handshake.
 *
 * @param maxTime longest test
 * @param maxMsgSize largest message
 * @param maxSockBufSize largest socket buffer
 * @param maxSessions most tests running at once; on epoll each TCP test holds a thread of its own
 * @param handshakeTimeout longest wait for each step before a test runs: the first bytes of a
 *     connection, its request or one-port preamble, the client's synchronisation
 */
public record ServerLimits(Duration maxTime, long maxMsgSize, long maxSockBufSize, int maxSessions,
                           Duration handshakeTimeout) {
    /** An hour, 64 MiB messages and socket buffers, 256 tests at once, 10 s per handshake step. */
    public static final ServerLimits DEFAULT = new ServerLimits(Duration.ofHours(1), 64L << 20, 64L << 20, 256,
            Duration.ofSeconds(10));

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException naming the builder's option that is out of range
     */
    public ServerLimits {
        if (maxTime == null || maxTime.toSeconds() < 1) {
            throw new IllegalArgumentException("maxTime must be >= 1s: " + Durations.format(maxTime));
        }
        if (maxMsgSize < 1) {
            throw new IllegalArgumentException("maxMsgSize must be >= 1: " + maxMsgSize);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be >= 1: " + maxSessions);
        }
        if (handshakeTimeout == null || handshakeTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("handshakeTimeout must be positive: " + Durations.format(handshakeTimeout));
        }
    }

    /** Why {@code request} for {@code test} is refused, or {@code null} if it is within the limits. */
    String check(QperfRequest request, QperfTest test) {
        long most = test.isUdp() ? Math.min(maxMsgSize, QperfTest.MAX_UDP_MSG_SIZE) : maxMsgSize;
        if (request.msgSize() < 1 || request.msgSize() > most) {
            return "msg_size " + request.msgSize() + " out of range (1 to " + most + ")";
        }
        if (request.time() < 1 || request.time() > maxTime.toSeconds()) {
            return "time " + request.time() + " s out of range (1 to " + maxTime.toSeconds()
                    + " s; -n/no_msgs is not supported)";
        }
        if (request.sockBufSize() > maxSockBufSize) {
            return "sock_buf_size " + request.sockBufSize() + " exceeds the limit " + maxSockBufSize;
        }
        return null;
    }
}
