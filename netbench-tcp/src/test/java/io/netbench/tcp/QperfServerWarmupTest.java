package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import io.netbench.core.testing.LiveThreads;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link QperfServer.Builder#jitWarmup}: every test on a loopback server of its own before the real one listens. */
class QperfServerWarmupTest {
    @ParameterizedTest
    @EnumSource(TransportType.class)
    void warmsForRoundsOfASecondOnItsOwnPortOnceThenListens(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        QperfServer.Builder options = QperfServer.builder().bindAddress("127.0.0.1").port(0).threads(1)
                .transport(transport).jitWarmup(Duration.ofSeconds(2));
        long begin = System.nanoTime();
        options.warmUp();
        assertTrue(System.nanoTime() - begin >= 2_000_000_000L, "fewer than two rounds of a second");
        assertEquals(0, LiveThreads.named("netbench-qperf"), "the warm-up's server, data threads or clients are still running");
        begin = System.nanoTime();
        try (QperfServer server = options.build()) {
            // A second warm-up would take its two rounds of a second again: under 1.9 s it did not run, with room
            // for a slow bind and event loop start on a loaded machine.
            assertTrue(System.nanoTime() - begin < 1_900_000_000L, "build() warmed up a second time");
            QperfResult r = QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_LAT).transport(transport)
                    .time(Duration.ofSeconds(1)).run();
            assertTrue(r.latencyNanos() > 0, r.toString());
        }
    }
}
