package io.netbench.tcp.internal.client;

import io.netbench.core.internal.Aborts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.TransportType;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfException;
import io.netbench.tcp.QperfTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's JIT warm-up against a peer in this process. */
class ClientWarmupTest {
    @Test
    void everyLoopRunsForTheTimeAndLeavesNothingBehind() throws Exception {
        List<Boolean> paths = TransportType.EPOLL.isAvailable() ? List.of(false, true) : List.of(false);
        for (boolean nativeIo : paths) {
            for (QperfTest test : List.of(QperfTest.TCP_BW, QperfTest.TCP_LAT, QperfTest.UDP_BW, QperfTest.UDP_LAT)) {
                long start = System.nanoTime();
                ClientWarmup.run(test, 100, Duration.ofMillis(200), nativeIo, false, new Aborts());
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis >= 190 && millis < 3000, test + " native " + nativeIo + ": " + millis + " ms");
            }
            ClientWarmup.run(QperfTest.TCP_BW, 4096, Duration.ofMillis(100), nativeIo, true, new Aborts());
        }
        long until = System.nanoTime() + 2_000_000_000L;
        while (warmupThreads() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(0, warmupThreads(), "the peer and timer threads have ended");
    }

    @Test
    void theServerSeesNoneOfIt() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        long start = System.nanoTime();
        QperfException e = assertThrows(QperfException.class, () -> QperfClient.to("127.0.0.1", dead)
                .test(QperfTest.TCP_LAT).jitWarmup(Duration.ofMillis(300)).run());
        assertTrue(System.nanoTime() - start >= 290_000_000L, "warmed up before connecting");
        assertTrue(e.getMessage().contains("failed to connect"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> QperfClient.to("127.0.0.1", dead).jitWarmup(Duration.ofNanos(5)).run());
    }

    private static long warmupThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("netbench-qperf-warmup") && t.isAlive()).count();
    }
}
