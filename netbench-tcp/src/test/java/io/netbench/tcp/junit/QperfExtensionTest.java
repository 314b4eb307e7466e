package io.netbench.tcp.junit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.junit.BenchInject;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The qperf extension as a user writes it: a server per test, a client and a field injected, assertions. */
class QperfExtensionTest {
    @RegisterExtension
    QperfExtension qperf = QperfExtension.perTest(b -> b.threads(1));

    @BenchInject
    QperfServer server;

    private static int lastPort;

    @Test
    void latencyAndBandwidthThroughTheInjectedClient(QperfClient client) throws Exception {
        QperfResult lat = client.test(QperfTest.TCP_LAT).msgSize(64).time(Duration.ofSeconds(1)).run();
        QperfExtension.assertMeets(lat, "lat < 10ms, p99 < 100ms");
        QperfResult bw = QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_BW).time(Duration.ofSeconds(1))
                .run();
        QperfExtension.assertMeets(bw, "bw > 1MB/s");
        AssertionError e = assertThrows(AssertionError.class, () -> QperfExtension.assertMeets(bw, "bw > 1000TB/s"));
        assertTrue(e.getMessage().startsWith("bw>1000TB/s not met: bw = "), e.getMessage());
        assertPortsDiffer();
    }

    @Test
    void eachTestHasAServerOfItsOwn(QperfServer injected) {
        assertTrue(injected == server, "the parameter and the field are the same server");
        assertPortsDiffer();
    }

    private void assertPortsDiffer() {
        assertNotEquals(lastPort, server.port());
        lastPort = server.port();
    }
}
