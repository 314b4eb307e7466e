package io.netbench.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tcp_lat on an epoll server: the echo runs on a thread of its own, which ends with its session. */
class BlockingEchoTest {
    private static final String PREFIX = "netbench-qperf-echo-";

    @BeforeEach
    void epoll() {
        assumeTrue(TransportType.EPOLL.isAvailable(), TransportType.EPOLL.availabilityText());
    }

    @Test
    void theEchoThreadServesTheTestAndEndsWithIt() throws Exception {
        try (QperfServer server = QperfServer.builder().port(0).transport(TransportType.EPOLL).build()) {
            for (int size : new int[] {1, 300_000}) {
                CompletableFuture<QperfResult> run = client(server).msgSize(size).time(Duration.ofSeconds(1)).start();
                int most = 0;
                while (!run.isDone()) {
                    most = Math.max(most, echoThreads());
                    Thread.sleep(20);
                }
                QperfResult r = run.get();
                assertEquals(1, most, "one echo thread for the test");
                assertTrue(r.remote().receivedMsgs() > 0 && r.remote().sentMsgs() == r.remote().receivedMsgs(), r.toString());
                assertEquals((long) size * r.remote().receivedMsgs(), r.remote().receivedBytes());
                awaitNoEchoThreads();
            }
            assertEquals(0, server.activeSessions());
        }
    }

    @Test
    void closingTheServerEndsARunningEcho() throws Exception {
        CompletableFuture<QperfResult> run;
        try (QperfServer server = QperfServer.builder().port(0).transport(TransportType.EPOLL).build()) {
            run = client(server).time(Duration.ofSeconds(30)).start();
            long until = System.nanoTime() + 5_000_000_000L;
            while (echoThreads() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(1, echoThreads());
        }
        awaitNoEchoThreads();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("closed by the server"), e.getCause().getMessage());
    }

    private static QperfClient client(QperfServer server) {
        return QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_LAT);
    }

    private static int echoThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(PREFIX) && t.isAlive()).count();
    }

    private static void awaitNoEchoThreads() throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (echoThreads() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(0, echoThreads(), "the echo thread is gone");
    }
}
