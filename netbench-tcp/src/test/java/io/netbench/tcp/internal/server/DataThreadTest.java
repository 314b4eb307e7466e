package io.netbench.tcp.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfServer;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Socket tests on an epoll server: the data path is served by a thread of its own, which ends with its session. */
class DataThreadTest {
    private static final String PREFIX = "netbench-qperf-data-";

    @BeforeEach
    void epoll() {
        assumeTrue(TransportType.EPOLL.isAvailable(), TransportType.EPOLL.availabilityText());
    }

    @Test
    void aThreadServesEachTcpTestAndEndsWithIt() throws Exception {
        try (QperfServer server = QperfServer.builder().port(0).transport(TransportType.EPOLL).build()) {
            for (int size : new int[] {1, 300_000}) {
                QperfResult r = runWatchingThreads(client(server).msgSize(size));
                assertTrue(r.remote().receivedMsgs() > 0 && r.remote().sentMsgs() == r.remote().receivedMsgs(), r.toString());
                assertEquals((long) size * r.remote().receivedMsgs(), r.remote().receivedBytes());
                assertEquals(r.local().receivedMsgs(), r.latency().count());
            }
            QperfResult bw = runWatchingThreads(client(server).test(QperfTest.TCP_BW).msgSize(1000));
            assertTrue(bw.remote().receivedBytes() > 1_000_000 && bw.remote().sentBytes() == 0, bw.toString());
            assertEquals(bw.remote().receivedBytes() / 1000, bw.remote().receivedMsgs());
            QperfResult reverse = runWatchingThreads(client(server).test(QperfTest.TCP_BW).reverse(true).msgSize(8192));
            assertTrue(reverse.remote().sentMsgs() > 100 && reverse.local().receivedBytes() > 0, reverse.toString());
            assertEquals(8192 * reverse.remote().sentMsgs(), reverse.remote().sentBytes());
            awaitNoSessions(server);
        }
    }

    @ParameterizedTest(name = "onePort={0}")
    @ValueSource(booleans = {true, false})
    void aThreadServesEachUdpTestAndEndsWithIt(boolean onePort) throws Exception {
        try (QperfServer server = QperfServer.builder().port(0).transport(TransportType.EPOLL).build()) {
            for (int size : new int[] {1, 32_000}) {
                QperfResult r = runWatchingThreads(client(server).test(QperfTest.UDP_LAT).onePort(onePort).msgSize(size));
                assertTrue(r.remote().receivedMsgs() > 0 && r.remote().sentMsgs() == r.remote().receivedMsgs(), r.toString());
                assertEquals((long) size * r.remote().sentMsgs(), r.remote().sentBytes());
                assertEquals(r.local().receivedMsgs(), r.latency().count());
            }
            QperfResult bw = runWatchingThreads(client(server).test(QperfTest.UDP_BW).onePort(onePort).msgSize(1000));
            assertTrue(bw.remote().receivedMsgs() > 1000 && bw.remote().sentBytes() == 0, bw.toString());
            assertEquals(1000 * bw.remote().receivedMsgs(), bw.remote().receivedBytes());
            awaitNoSessions(server);
        }
    }

    /** A classic UDP data thread blocked before its first datagram, with no peer yet, still ends with the session. */
    @Test
    void aClassicUdpThreadWaitingForItsFirstDatagramEndsWithTheSession() throws Exception {
        try (QperfServer server = QperfServer.builder().port(0).transport(TransportType.EPOLL).build();
             Socket control = new Socket("127.0.0.1", server.port())) {
            ByteBuf request = Unpooled.buffer();
            QperfRequest.of(QperfTest.UDP_LAT.index(), 64, 10, 5, 0, 0, 0, "").encode(request);
            control.getOutputStream().write(ByteBufUtil.getBytes(request));
            assertEquals(4, control.getInputStream().readNBytes(4).length, "the data port");
            awaitDataThreads(1);
            control.close();
            awaitDataThreads(0);
            awaitNoSessions(server);
        }
    }

    /** Runs {@code client} for a second: one data thread is seen while it runs, none a little after. */
    private static QperfResult runWatchingThreads(QperfClient client) throws Exception {
        CompletableFuture<QperfResult> run = client.time(Duration.ofSeconds(1)).start();
        int most = 0;
        while (!run.isDone()) {
            most = Math.max(most, dataThreads());
            Thread.sleep(20);
        }
        QperfResult r = run.get();
        assertEquals(1, most, "one data thread for " + r.test());
        awaitDataThreads(0);
        return r;
    }

    @Test
    void closingTheServerEndsARunningThread() throws Exception {
        CompletableFuture<QperfResult> run;
        try (QperfServer server = QperfServer.builder().port(0).transport(TransportType.EPOLL).build()) {
            run = client(server).time(Duration.ofSeconds(30)).start();
            awaitDataThreads(1);
        }
        awaitDataThreads(0);
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("closed by the server"), e.getCause().getMessage());
    }

    /**
     * Classic tests have their data connections on listeners of their own, outside the server's
     * channel group: closing the server still waits for their threads, which close their channels
     * on the event loops, before it ends the loops. It had not, and a thread that came later found
     * its loop gone and Netty logged the rejected close notification, a stack trace at Ctrl-C.
     */
    @Test
    void closingTheServerWaitsForTheThreadsOfClassicTests() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(r.getLoggerName() + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger netty = Logger.getLogger("io.netty");
        netty.addHandler(handler);
        try {
            for (int round = 0; round < 5; round++) {
                List<CompletableFuture<QperfResult>> runs = new ArrayList<>();
                try (QperfServer server = QperfServer.builder().port(0).transport(TransportType.EPOLL).build()) {
                    for (int i = 0; i < 4; i++) {
                        runs.add(client(server).onePort(false).time(Duration.ofSeconds(30)).start());
                    }
                    awaitDataThreads(runs.size());
                }
                awaitDataThreads(0);
                for (CompletableFuture<QperfResult> run : runs) {
                    assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
                }
            }
        } finally {
            netty.removeHandler(handler);
        }
        assertEquals(List.of(), logged);
    }

    private static QperfClient client(QperfServer server) {
        return QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_LAT);
    }

    private static int dataThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(PREFIX) && t.isAlive()).count();
    }

    /** Waits up to 5 s for {@code count} live data threads. */
    private static void awaitDataThreads(int count) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (dataThreads() != count && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(count, dataThreads(), "live data threads");
    }

    /**
     * Waits up to 5 s for the server to count no session: it counts a session out on the control
     * connection's event loop, which on a loaded machine can come after the data thread has ended.
     */
    private static void awaitNoSessions(QperfServer server) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (server.activeSessions() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(0, server.activeSessions(), "sessions still counted");
    }
}
