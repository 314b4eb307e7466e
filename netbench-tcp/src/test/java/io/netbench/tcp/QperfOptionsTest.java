package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options value: defaults, the test's default message size, and each bad option named. */
class QperfOptionsTest {
    private static QperfClient client() {
        return QperfClient.to("127.0.0.1", 19765);
    }

    @Test
    void defaultsAreQperfs() {
        QperfOptions o = client().options();
        assertEquals(QperfTest.TCP_LAT, o.test());
        assertEquals(1, o.msgSize(), "tcp_lat's default message");
        assertEquals(Duration.ofSeconds(2), o.time());
        assertEquals(Duration.ofSeconds(5), o.timeout());
        assertEquals(1, o.streams());
        assertEquals(QperfOptions.NO_AFFINITY, o.localCpu());
        assertEquals("127.0.0.1:19765", o.target());
        assertEquals(65536, client().test(QperfTest.TCP_BW).options().msgSize());
        assertEquals(32768, client().test(QperfTest.UDP_BW).msgSize(0).options().msgSize());
        assertEquals(100, client().test(QperfTest.UDP_BW).msgSize(100).options().msgSize());
    }

    @Test
    void theValueDoesNotChangeWithTheBuilder() {
        QperfClient builder = client().streams(2).test(QperfTest.TCP_BW);
        QperfOptions before = builder.options();
        builder.streams(3);
        assertEquals(2, before.streams());
        assertEquals(before, client().streams(2).test(QperfTest.TCP_BW).options(), "a value: equal when its options are");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port|port 0: expected a port 1..65535",
        "msgSize|msg_size must be 1..4294967295 bytes: -1",
        "udpMsgSize|msg_size 65508 is too large for udp_lat: a UDP datagram carries at most 65507 bytes",
        "time|time must be at least 1 second: 500ms",
        "timeout|timeout must be at least 1 second: 0s",
        "waitServer|wait_server must be >= 0: -1s",
        "sockBuf|sock_buf_size must be 0..2147483647",
        "dataPort|ip_port 65536: expected a port 0..65535",
        "streams|streams must be 1..128: 129",
        "cpu|cpu affinity must be 0..1023 or NO_AFFINITY: -2, -2",
        "jitWarmup|jitWarmup must be 0 or at least 1 ms: 5ns",
        "reverse|reverse applies to tcp_bw only, not tcp_lat",
    })
    void eachBadOptionIsNamed(String option, String message) {
        UnaryOperator<QperfClient> bad = switch (option) {
            case "port" -> c -> QperfClient.to("127.0.0.1", 0);
            case "msgSize" -> c -> c.msgSize(-1);
            case "udpMsgSize" -> c -> c.test(QperfTest.UDP_LAT).msgSize(65508);
            case "time" -> c -> c.time(Duration.ofMillis(500));
            case "timeout" -> c -> c.timeout(Duration.ZERO);
            case "waitServer" -> c -> c.waitServer(Duration.ofSeconds(-1));
            case "sockBuf" -> c -> c.sockBufSize(1L << 31);
            case "dataPort" -> c -> c.dataPort(65536);
            case "streams" -> c -> c.streams(129);
            case "cpu" -> c -> c.cpuAffinity(-2);
            case "jitWarmup" -> c -> c.jitWarmup(Duration.ofNanos(5));
            default -> c -> c.reverse(true);
        };
        QperfClient client = bad.apply(client());
        assertEquals(message, assertThrows(IllegalArgumentException.class, client::options).getMessage());
        assertThrows(IllegalArgumentException.class, client::start, "start() checks before it starts anything");
    }
}
