package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code start().cancel(true)} ends a run: the future is cancelled, every connection of the run is
 * closed (the server sees its sessions end) and no thread of the client, nor a data thread of the
 * server, is alive soon after: within {@link #LIMIT}, which a loaded 2-core VM may need, far short of
 * the 30-60 s the cancelled runs would take. The server's event loops ({@code netbench-qperf-server})
 * live on until the server closes.
 */
class QperfCancelTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** How long after the cancel the run may take to end. */
    private static final long LIMIT = 5 * SECOND;
    /** Threads of other tests, which these do not judge. */
    private final Set<Thread> before = Thread.getAllStackTraces().keySet();

    @ParameterizedTest(name = "{0} x{1} on {2}")
    @CsvSource({"TCP_LAT,1,EPOLL", "TCP_BW,1,EPOLL", "TCP_BW,3,EPOLL", "UDP_LAT,1,EPOLL", "TCP_LAT,1,NIO",
        "TCP_BW,2,NIO", "UDP_BW,1,NIO"})
    void cancelClosesEveryConnectionAndEndsEveryThread(QperfTest test, int streams, TransportType transport)
            throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        try (QperfServer server = QperfServer.builder().port(0).transport(transport).build()) {
            CompletableFuture<QperfResult> run = QperfClient.to("127.0.0.1", server.port()).test(test)
                    .streams(streams).transport(transport).time(Duration.ofSeconds(60)).start();
            long until = System.nanoTime() + 10 * SECOND;
            while (server.activeSessions() < streams && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(streams, server.activeSessions(), "every stream is running");
            Thread.sleep(300);
            assertTrue(run.cancel(true));
            long cancelled = System.nanoTime();
            assertTrue(run.isCancelled());
            assertThrows(CancellationException.class, run::join);
            assertEquals(List.of(), threadsAfterTheLimit(cancelled));
            while (server.activeSessions() > 0 && System.nanoTime() < cancelled + LIMIT) {
                Thread.sleep(10);
            }
            assertEquals(0, server.activeSessions(), "the server saw the sessions end");
        }
    }

    @Test
    void cancelEndsTheJitWarmUp() throws Exception {
        try (QperfServer server = QperfServer.start(0)) {
            CompletableFuture<QperfResult> run = QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_BW)
                    .jitWarmup(Duration.ofSeconds(30)).start();
            Thread.sleep(300);
            assertTrue(run.cancel(true));
            assertEquals(List.of(), threadsAfterTheLimit(System.nanoTime()));
            assertEquals(0, server.activeSessions(), "the warm-up ended before the test began");
        }
    }

    @Test
    void cancelEndsTheWaitForTheServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CompletableFuture<QperfResult> run = QperfClient.to("127.0.0.1", port).waitServer(Duration.ofSeconds(30))
                .start();
        Thread.sleep(300);
        assertTrue(run.cancel(true));
        assertEquals(List.of(), threadsAfterTheLimit(System.nanoTime()));
    }

    /** The client's and the server's data threads still alive {@link #LIMIT} after {@code since}. */
    private List<String> threadsAfterTheLimit(long since) throws InterruptedException {
        List<String> alive = runThreads();
        while (!alive.isEmpty() && System.nanoTime() < since + LIMIT) {
            Thread.sleep(10);
            alive = runThreads();
        }
        return alive;
    }

    private List<String> runThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(name -> name.startsWith("netbench-qperf") && !name.startsWith("netbench-qperf-server"))
                .toList();
    }
}
