package io.netbench.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import io.netbench.core.internal.LibC;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** qperf's -ws (wait for the server), -ca/-lca/-rca (CPU affinity) and its urgent-byte error signal. */
class WaitServerAndAffinityTest {
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void waitServerKeepsTryingUntilTheServerListens() throws Exception {
        int port = freePort();
        CompletableFuture<QperfServer> late = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return QperfServer.start(port);
        });
        try {
            QperfResult r = QperfClient.to("127.0.0.1", port).test(QperfTest.CONF).waitServer(Duration.ofSeconds(20))
                    .run();
            assertEquals("0.4.11", r.remoteConf().qperf());
        } finally {
            late.get().close();
        }
        QperfException gone = assertThrows(QperfException.class,
                () -> QperfClient.to("127.0.0.1", port).waitServer(Duration.ofSeconds(1)).run());
        assertEquals("127.0.0.1: failed to connect to port " + port + " (Connection refused; waited 1 s)",
                gone.getMessage());
        QperfException gone6 = assertThrows(QperfException.class,
                () -> QperfClient.to("::1", port).waitServer(Duration.ofSeconds(1)).run());
        assertEquals("::1: failed to connect to port " + port + " (Connection refused; waited 1 s)", gone6.getMessage(),
                "the host as given, as qperf names it");
    }

    @ParameterizedTest
    @EnumSource(TransportType.class)
    void aRefusalCarriesQperfsUrgentByteBeforeItsText(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        List<String> notices = new ArrayList<>();
        try (QperfServer server = QperfServer.builder().port(0).transport(transport).notices(notices::add).build()) {
            assertEquals("?msg_size 0 out of range (1 to 67108864)", refusal(server, QperfTest.TCP_LAT, 0));
            assertEquals("?msg_size 65508 out of range (1 to 65507)", refusal(server, QperfTest.UDP_LAT, 65508),
                    "a UDP msg_size beyond one datagram");
            assertEquals(2, notices.size(), notices.toString());
        }
    }

    /** What the server sends back to a classic request for {@code test} of {@code msgSize}, urgent byte inline. */
    private static String refusal(QperfServer server, QperfTest test, long msgSize) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setOOBInline(true);
            socket.setSoTimeout(5000);
            ByteBuf request = Unpooled.buffer();
            QperfRequest.of(test.index(), msgSize, 1, 5, 0, 0, 0, "").encode(request);
            socket.getOutputStream().write(ByteBufUtil.getBytes(request));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void affinityOutOfRangeIsRefusedOnTheRightSide() throws Exception {
        try (QperfServer server = QperfServer.start(0)) {
            QperfClient client = QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_LAT)
                    .time(Duration.ofSeconds(1));
            QperfException remote = assertThrows(QperfException.class,
                    () -> client.cpuAffinity(QperfClient.NO_AFFINITY, 1000).run());
            assertTrue(remote.getMessage().startsWith("server: cannot set processor affinity (cpu 1000): this process"
                    + " may only use CPUs "), remote.getMessage());
            QperfException local = assertThrows(QperfException.class,
                    () -> client.cpuAffinity(1000, QperfClient.NO_AFFINITY).run());
            assertEquals("cannot set processor affinity (cpu 1000): Invalid argument", local.getMessage());
            assertThrows(IllegalArgumentException.class, () -> client.cpuAffinity(-2).run());
        }
    }

    @ParameterizedTest
    @EnumSource(TransportType.class)
    void affinityPinsBothSidesForTheTestOnly(TransportType transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport.availabilityText());
        BitSet mine = LibC.affinity(0);
        assumeTrue(mine.cardinality() > 1, "pinning is invisible with one CPU");
        int cpu = mine.previousSetBit(mine.length());
        try (QperfServer server = QperfServer.builder().port(0).transport(transport).build()) {
            CompletableFuture<QperfResult> run = QperfClient.to("127.0.0.1", server.port()).test(QperfTest.TCP_LAT)
                    .time(Duration.ofSeconds(2)).cpuAffinity(cpu).start();
            int mostPinned = 0;
            while (!run.isDone()) {
                mostPinned = Math.max(mostPinned, threadsPinnedTo(cpu));
                Thread.sleep(20);
            }
            assertTrue(run.get().latencyNanos() > 0);
            assertTrue(mostPinned >= 2, "client and server data threads pinned to cpu " + cpu + ": " + mostPinned);
            long until = System.nanoTime() + 5_000_000_000L;
            while (threadsPinnedTo(cpu) > 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(0, threadsPinnedTo(cpu), "every thread has its CPUs back");
        }
    }

    /** Threads of this JVM whose CPU set is exactly {@code cpu}, from /proc. */
    private static int threadsPinnedTo(int cpu) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return (int) tasks.filter(task -> {
                try {
                    return Files.readAllLines(task.resolve("status")).contains("Cpus_allowed_list:\t" + cpu);
                } catch (IOException e) {
                    return false; // the thread ended meanwhile
                }
            }).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
