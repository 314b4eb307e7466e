package io.netbench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.MachineLimitException;
import io.netbench.core.TransportType;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpLoadTest {
    private static URI uri(HttpBenchServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @ParameterizedTest
    @EnumSource(TransportType.class)
    void closedLoopCountsEveryResponse(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable());
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            HttpLoadResult r = HttpLoad.to(uri(server, "/")).threads(2).connections(8).transport(transport)
                    .duration(Duration.ofSeconds(1)).run();
            assertTrue(r.requests() > 100, r.toString());
            assertEquals(r.requests(), r.statuses().get(200));
            assertEquals(0, r.errors().socketErrors() + r.errors().status(), r.errors().toString());
            assertTrue(r.bytes() >= r.requests() * 13, "bytes " + r.bytes());
            assertTrue(r.requestRate().getTotalCount() > 5, "Req/Sec samples");
            assertTrue(r.latency().count() >= r.requests(), "corrected count covers every request");
            assertTrue(r.net().system().containsKey("Tcp.OutSegs") && r.net().cpu().containsKey("softirq"), "" + r.net());
            if (transport != TransportType.NIO) { // the native transports read TCP_INFO
                assertEquals(8, r.net().end().connections(), "summed over the connections: " + r.net());
                assertTrue(r.net().end().field("snd_mss").orElseThrow() > 10_000, "loopback MSS: " + r.net());
                assertTrue(r.net().tcp("bytes_received").orElseThrow() >= r.bytes(), r.net() + " vs " + r.bytes());
            } else {
                assertEquals(null, r.net().end(), "NIO has no TCP_INFO: absent, not 0");
            }
        }
    }

    @Test
    void aWarmupLeavesAStartSampleSoTheCountsAreTheMeasuredTimesOnly() throws Exception {
        assumeTrue(TransportType.EPOLL.isAvailable());
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            HttpLoadResult r = HttpLoad.to(uri(server, "/")).threads(1).connections(4).transport(TransportType.EPOLL)
                    .warmup(Duration.ofMillis(300)).duration(Duration.ofSeconds(1)).run();
            assertEquals(4, r.net().start().connections(), r.net().toString());
            long received = r.net().tcp("bytes_received").orElseThrow();
            // Responses the kernel held at the start sample are read, and counted, after it: the
            // delta is the counted bytes give or take those, never the warm-up's 300 ms on top.
            assertTrue(received >= r.bytes() * 0.9 && received <= r.bytes() * 1.1
                            && received < r.net().end().field("bytes_received").orElseThrow(),
                    "the warm-up's bytes are not the test's: " + received + " vs " + r.bytes() + " " + r.net());
            assertTrue(r.toTestResult("epoll").localNet() != null, "in the JSON's result");
            assertFalse(r.toTestResult("epoll").params().containsKey("tls"), "plain HTTP has no TLS engine");
        }
    }

    @Test
    void jitWarmupRunsAgainstAnInProcessServerNotTheTarget() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            long begin = System.nanoTime();
            var run = HttpLoad.to(uri(server, "/")).threads(1).connections(4).jitWarmup(Duration.ofMillis(800))
                    .duration(Duration.ofMillis(500)).start();
            Thread.sleep(400);
            assertEquals(0, server.openConnections(), "the target saw warm-up connections");
            HttpLoadResult r = run.get();
            assertTrue(System.nanoTime() - begin >= Duration.ofMillis(1300).toNanos(), "warm-up, then the run");
            assertTrue(r.requests() > 100 && r.duration().toMillis() < 800, r.toString());
        }
    }

    @Test
    void fixedServerDelayIsReportedWithinAFewMilliseconds() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            HttpLoadResult r = HttpLoad.to(uri(server, "/delay/20")).threads(1).connections(4)
                    .duration(Duration.ofSeconds(2)).run();
            double medianMillis = r.uncorrectedLatency().percentileNanos(50) / 1e6;
            // Never under the delay; over it by the round trip and the wake-ups a loaded 2-core VM delays.
            assertTrue(medianMillis >= 20 && medianMillis < 23, "median " + medianMillis + " ms for a 20 ms server");
        }
    }

    @Test
    void pipelinedBatchesAllComplete() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            HttpLoadResult r = HttpLoad.to(uri(server, "/")).threads(1).connections(2).pipeline(16)
                    .duration(Duration.ofSeconds(1)).run();
            assertTrue(r.requests() > 1000, r.toString());
            assertEquals(0, r.errors().socketErrors());
        }
    }

    @Test
    void constantRateHoldsTheRateAndShowsAStallInTheTail() throws Exception {
        try (StallingServer server = new StallingServer()) {
            HttpLoadResult r = HttpLoad.to(URI.create("http://127.0.0.1:" + server.port() + "/")).threads(1)
                    .connections(4).rate(400).duration(Duration.ofSeconds(3)).timeout(Duration.ofSeconds(5)).run();
            assertEquals(400, r.requestsPerSecond(), 60, "rate held: " + r.requestsPerSecond());
            long p99Millis = r.latency().percentileNanos(99) / 1_000_000;
            long uncorrectedP90 = r.uncorrectedLatency().percentileNanos(90) / 1_000_000;
            assertTrue(p99Millis > 500, "the 1 s stall must reach the corrected p99: " + p99Millis + " ms");
            assertTrue(uncorrectedP90 < 100, "uncorrected latency hides it (coordinated omission): " + uncorrectedP90);
        }
    }

    @Test
    void slowServerCountsTimeouts() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            HttpLoadResult r = HttpLoad.to(uri(server, "/delay/1500")).threads(1).connections(2)
                    .timeout(Duration.ofMillis(300)).duration(Duration.ofSeconds(1)).run();
            assertTrue(r.errors().timeout() >= 2, r.errors().toString());
            assertEquals(0, r.requests());
        }
    }

    @Test
    void statusErrorsAreCountedButNotSocketErrors() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            HttpLoadResult r = HttpLoad.to(uri(server, "/status/503")).threads(1).connections(2)
                    .duration(Duration.ofMillis(500)).run();
            assertEquals(r.requests(), r.errors().status());
            assertEquals(r.requests(), r.statuses().get(503));
            assertEquals(0, r.errors().socketErrors());
        }
    }

    @Test
    void serverThatClosesGivesReadErrorsAndReconnects() throws Exception {
        try (ServerSocket closer = new ServerSocket(0)) {
            AtomicBoolean running = new AtomicBoolean(true);
            Thread acceptor = new Thread(() -> {
                while (running.get()) {
                    try (Socket s = closer.accept()) {
                        s.getInputStream().read();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.start();
            HttpLoadResult r = HttpLoad.to(URI.create("http://127.0.0.1:" + closer.getLocalPort() + "/")).threads(1)
                    .connections(2).duration(Duration.ofMillis(700)).run();
            running.set(false);
            closer.close();
            acceptor.join(2000);
            assertTrue(r.errors().read() > 5, "read errors and reconnects: " + r.errors());
        }
    }

    @ParameterizedTest
    @EnumSource(TransportType.class)
    void serverThatResetsWhileARequestIsWrittenGivesWriteErrors(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable());
        try (ServerSocket resetter = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (true) {
                    try (Socket s = resetter.accept()) {
                        s.setSoLinger(true, 0); // close with a reset
                        s.getInputStream().read();
                        Thread.sleep(50); // the client's send fills the socket buffers meanwhile
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.start();
            HttpLoadResult r = HttpLoad.to(URI.create("http://127.0.0.1:" + resetter.getLocalPort() + "/")).threads(1)
                    .connections(1).method("POST").body(new byte[32 << 20]).transport(transport)
                    .duration(Duration.ofMillis(700)).run();
            resetter.close();
            acceptor.join(2000);
            assertTrue(r.errors().write() > 2 && r.errors().read() == 0, "write errors: " + r.errors());
        }
    }

    @Test
    void serverGoingAwayGivesConnectErrors() throws Exception {
        HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build();
        var run = HttpLoad.to(uri(server, "/")).threads(1).connections(2).duration(Duration.ofMillis(1500)).start();
        Thread.sleep(400);
        server.close();
        HttpLoadResult r = run.get();
        assertTrue(r.requests() > 0);
        assertTrue(r.errors().connect() > 5, r.errors().toString());
    }

    @Test
    void cancellingTheFutureClosesEveryConnectionAndEndsEveryThread() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            CompletableFuture<HttpLoadResult> run = HttpLoad.to(uri(server, "/")).threads(2).connections(8)
                    .duration(Duration.ofMinutes(5)).start();
            awaitConnections(server, 8);
            Thread.sleep(300);
            assertCancelledAndGone(run, server, threads("netbench-http"));
        }
    }

    @Test
    void cancellingDuringTheJitWarmupStopsItsServerToo() throws Exception {
        try (HttpBenchServer server = HttpBenchServer.builder().port(0).threads(1).build()) {
            long serverThreads = threads("netbench-http");
            CompletableFuture<HttpLoadResult> run = HttpLoad.to(uri(server, "/")).threads(1).connections(2)
                    .jitWarmup(Duration.ofMinutes(5)).start();
            Thread.sleep(500);
            assertTrue(threads("netbench-http") > serverThreads, "the warm-up's server is not running");
            assertCancelledAndGone(run, server, serverThreads);
        }
    }

    private static void awaitConnections(HttpBenchServer server, int n) throws InterruptedException {
        for (int i = 0; i < 100 && server.openConnections() < n; i++) {
            Thread.sleep(50);
        }
        assertEquals(n, server.openConnections());
    }

    /**
     * {@code run} cancels, and within 5 s (a loaded 2-core VM can be slow; the run would go on for
     * minutes) no thread of it runs and the server holds no connection.
     */
    private static void assertCancelledAndGone(CompletableFuture<HttpLoadResult> run, HttpBenchServer server,
                                               long serverThreads) throws InterruptedException {
        long cancelled = System.nanoTime();
        assertTrue(run.cancel(true));
        assertThrows(CancellationException.class, run::get);
        assertTrue(run.isCompletedExceptionally());
        long deadline = cancelled + TimeUnit.SECONDS.toNanos(5);
        while ((threads("netbench-wrk") > 0 || threads("netbench-http") != serverThreads
                || server.openConnections() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, threads("netbench-wrk"), "threads of the run still alive 5 s after the cancel");
        assertEquals(serverThreads, threads("netbench-http"), "the warm-up's server still runs");
        assertEquals(0, server.openConnections(), "connections still open 5 s after the cancel");
    }

    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }

    @Test
    void refusedPortFailsBeforeTheRunLikeWrk() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpLoadException e = assertThrows(HttpLoadException.class,
                () -> HttpLoad.to(URI.create("http://127.0.0.1:" + port + "/")).duration(Duration.ofSeconds(1)).run());
        assertEquals("unable to connect to 127.0.0.1:" + port + " Connection refused", e.getMessage());
    }

    @Test
    void badOptionsAreNamed() {
        HttpLoad load = HttpLoad.to(URI.create("http://127.0.0.1:1/"));
        assertEquals("number of connections must be >= threads",
                assertThrows(IllegalArgumentException.class, () -> load.threads(4).connections(2).run()).getMessage());
        MachineLimitException fds = assertThrows(MachineLimitException.class,
                () -> load.threads(1).connections(10_000_000).run());
        assertTrue(fds.getMessage().contains("raise it"), fds.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HttpLoad.to(URI.create("ftp://x/")).run()).getMessage().startsWith("invalid URL"));
        assertEquals("jitWarmup must be 0 or at least 1 ms: -1s", assertThrows(IllegalArgumentException.class,
                () -> HttpLoad.to(URI.create("http://127.0.0.1:1/")).jitWarmup(Duration.ofSeconds(-1)).run()).getMessage());
        assertEquals("jitWarmup must be 0 or at least 1 ms: 500us", assertThrows(IllegalArgumentException.class,
                () -> HttpLoad.to(URI.create("http://127.0.0.1:1/")).jitWarmup(Duration.ofNanos(500_000)).run())
                .getMessage());
    }
}
