package io.netbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netbench.core.NetbenchException;
import io.netbench.tcp.QperfClient;
import io.netbench.tcp.QperfResult;
import io.netbench.tcp.QperfTest;
import io.netbench.tcp.internal.protocol.QperfRequest;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The reliability suite (#18): the probes of a hostile or careless client against one small
 * {@code netbench server} process ({@link AbusedServer}), each bounded in count and time, each
 * followed by {@link AbusedServer#assertStillServes}. Probes 1, 2, 5, 6 and 7 are about the HTTP
 * server; 3 and 4 the qperf server; 8 the clients' messages. Run it alone with
 * {@code mvn -B verify -pl netbench-cli -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReliabilityIT}
 * (about a minute and a half).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilityIT {
    private AbusedServer server;

    @BeforeAll
    void start() throws Exception {
        // failsafe sets netbench.jar once the jar is packaged; surefire given -Dtest=... may run this too.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("netbench.jar") != null,
                "ReliabilityIT runs in failsafe (mvn verify), on the jar just packaged");
        server = AbusedServer.start(transport());
    }

    /** The server's {@code --transport}: its default here, io_uring in {@link ReliabilityIoUringIT}. */
    String transport() {
        return "auto";
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** 1: pipelined {@code GET /} in batches of 1,000 for at most 5 s, never reading a response. */
    @Test
    void pipelinedRequestsNeverRead() throws Exception {
        byte[] batch = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.httpPort))) {
            ch.configureBlocking(false);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            ByteBuffer buf = ByteBuffer.wrap(batch);
            while (System.nanoTime() < end) {
                if (!buf.hasRemaining()) {
                    buf.rewind();
                }
                if (ch.write(buf) == 0) {
                    Thread.sleep(10);
                }
            }
            assertTrue(server.peakRssMib() < AbusedServer.RSS_BOUND_MIB, "while the client does not read");
        }
        server.assertStillServes("pipelined, never read");
    }

    /** 2: more idle HTTP connections than the server has descriptors, held for 2 s. */
    @Test
    void idleHttpConnectionsBeyondTheFdLimit() throws Exception {
        holdIdle(server.httpPort, AbusedServer.FD_LIMIT + 200);
        server.assertStillServes("idle HTTP connections beyond the fd limit");
    }

    /**
     * 3: qperf connections that send nothing, one byte, part of a one-port preamble, a quit and its
     * sync and then wait, all closed by the server within its handshake timeout; more idle ones
     * than it has descriptors; and UDP garbage.
     */
    @Test
    void silentQperfConnections() throws Exception {
        ByteBuf request = Unpooled.buffer(Wire.REQUEST_SIZE);
        QperfRequest.of(QperfTest.QUIT.index(), 0, 0, 5, 0, 0, 0, "").encode(request);
        byte[] quit = new byte[request.readableBytes() + Wire.SYNC_BEFORE.length];
        request.readBytes(quit, 0, Wire.REQUEST_SIZE);
        System.arraycopy(Wire.SYNC_BEFORE, 0, quit, Wire.REQUEST_SIZE, Wire.SYNC_BEFORE.length);
        List<byte[]> starts = List.of(new byte[0], new byte[] {0}, "NBDAT".getBytes(StandardCharsets.US_ASCII), quit);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (byte[] start : starts) {
                Socket s = new Socket("127.0.0.1", server.qperfPort);
                s.getOutputStream().write(start);
                sockets.add(s);
            }
        }
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] garbage = new byte[512];
            for (int i = 0; i < 1000; i++) {
                garbage[i % garbage.length] = (byte) i;
                udp.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(), server.qperfPort));
            }
        }
        try {
            for (Socket s : sockets) {
                s.setSoTimeout((AbusedServer.HANDSHAKE_SECONDS + 5) * 1000);
                s.getInputStream().skip(Wire.SYNC_BEFORE.length); // a quit's answer
                assertEquals(-1, s.getInputStream().read(), "the server closes a silent connection");
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        holdIdle(server.qperfPort, AbusedServer.FD_LIMIT + 200);
        server.assertStillServes("silent qperf connections");
    }

    /** 4: three 64 MiB tcp_lat clients at once against 128 MiB of direct memory: each a result or an error. */
    @Test
    void moreBufferMemoryThanTheServerHas() throws Exception {
        List<CompletableFuture<String>> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(CompletableFuture.supplyAsync(() -> {
                try {
                    QperfResult r = QperfClient.to("127.0.0.1", server.qperfPort).test(QperfTest.TCP_LAT)
                            .msgSize(64L << 20).time(Duration.ofSeconds(2)).run();
                    return r.latencyNanos() > 0 ? "result" : "a silent 0: " + r;
                } catch (NetbenchException e) {
                    return e.getMessage();
                }
            }));
        }
        for (CompletableFuture<String> client : clients) {
            String outcome = client.get(60, TimeUnit.SECONDS);
            assertTrue(outcome.equals("result") || outcome.startsWith("server: server busy: memory")
                    || outcome.startsWith("server: server out of memory"), outcome);
        }
        server.assertStillServes("more buffer memory than the server has");
    }

    /**
     * 5: slowloris, 50 connections each sending a request head one byte every 500 ms, at most
     * 25 s: the server's header-read deadline closes them all before that.
     */
    @Test
    void slowloris() throws Exception {
        byte[] head = "GET / HTTP/1.1\r\nHost: a\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket s = new Socket("127.0.0.1", server.httpPort);
            s.getOutputStream().write(head);
            sockets.add(s);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        try {
            while (!sockets.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(500);
                sockets.removeIf(ReliabilityIT::trickleClosed);
            }
            assertEquals(0, sockets.size(), "connections still trickling a request head after 25 s");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        server.assertStillServes("slowloris");
    }

    /** One more byte of a trickled head; whether the server is done with the connection (then closed here too). */
    private static boolean trickleClosed(Socket s) {
        try {
            s.getOutputStream().write('x');
            s.setSoTimeout(1);
            s.getInputStream().read(); // a response (408) or the end: the server gave up on the head
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // reset by the server
        }
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
        return true;
    }

    /** 6: the Date header has a two-digit day, as HTTP-date requires. */
    @Test
    void dateHeader() throws Exception {
        String response = AbusedServer.get(server.httpPort, "/");
        assertTrue(response.matches("(?s).*\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*"),
                response);
        server.assertStillServes("Date header");
    }

    /** 7: NUL bytes in a header get 400; HTTP/9.9 and HTTP/2.0 request lines get 505. */
    @Test
    void lenientParsing() throws Exception {
        assertTrue(AbusedServer.exchange(server.httpPort, "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\0c\r\n"
                + "Connection: close\r\n\r\n").startsWith("HTTP/1.1 400"));
        for (String version : List.of("HTTP/9.9", "HTTP/2.0")) {
            String response = AbusedServer.exchange(server.httpPort, "GET / " + version + "\r\nHost: a\r\n"
                    + "Connection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 505"), version + ": " + response);
        }
        server.assertStillServes("lenient parsing");
    }

    /** 8: bad durations in the user's units (exit 2); a peer that is not a qperf server (exit 1). */
    @Test
    void messages() throws Exception {
        String url = "http://127.0.0.1:" + server.httpPort + "/";
        CliTestSupport.Run d0 = CliTestSupport.execute("wrk", "-d0", url);
        assertEquals(List.of(2, "wrk: -d 0: must be positive"), List.of(d0.exitCode(), d0.err().strip()));
        CliTestSupport.Run t0 = CliTestSupport.execute("wrk", "--timeout", "0", url);
        assertEquals(List.of(2, "wrk: --timeout 0: must be positive"), List.of(t0.exitCode(), t0.err().strip()));
        CliTestSupport.Run q0 = CliTestSupport.execute("qperf", "-t", "0", "127.0.0.1", "tcp_lat");
        assertEquals(List.of(2, "qperf: -t 0: expected at least 1 second"), List.of(q0.exitCode(), q0.err().strip()));
        try (ServerSocket peer = new ServerSocket(0)) {
            CompletableFuture<Void> garbage = CompletableFuture.runAsync(() -> answerGarbage(peer));
            CliTestSupport.Run notQperf = CliTestSupport.execute("qperf", "127.0.0.1", "-lp",
                    String.valueOf(peer.getLocalPort()), "tcp_lat");
            garbage.get(10, TimeUnit.SECONDS);
            assertEquals(1, notQperf.exitCode(), notQperf.err());
            assertTrue(notQperf.err().contains("127.0.0.1: not a qperf server on port " + peer.getLocalPort()),
                    notQperf.err());
        }
        server.assertStillServes("messages");
    }

    /** Opens {@code count} connections to {@code port}, holds them for 2 s and closes them all. */
    private static void holdIdle(int port, int count) throws Exception {
        List<SocketChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.connect(new InetSocketAddress("127.0.0.1", port));
                open.add(ch);
            }
            Thread.sleep(2000);
        } finally {
            for (SocketChannel ch : open) {
                ch.close();
            }
        }
    }

    /** A peer that answers anything with garbage, for the client's message. */
    private static void answerGarbage(ServerSocket peer) {
        try (Socket s = peer.accept()) {
            s.getInputStream().readNBytes(88);
            s.getOutputStream().write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4});
        } catch (IOException e) {
            // the client left first
        }
    }
}
