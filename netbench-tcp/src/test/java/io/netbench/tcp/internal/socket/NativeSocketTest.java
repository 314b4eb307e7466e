package io.netbench.tcp.internal.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netbench.core.TransportType;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The blocking socket of the measuring loops, against plain JDK sockets on loopback. */
class NativeSocketTest {
    @BeforeEach
    void nativeTransport() {
        assumeTrue(TransportType.EPOLL.isAvailable(), TransportType.EPOLL.availabilityText());
    }

    @Test
    void sendsAndReceivesOverIpv4AndIpv6() throws Exception {
        for (String host : new String[] {"127.0.0.1", "::1"}) {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(host))) {
                CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> echoOnce(server, 5));
                try (NativeSocket stream = NativeSocket.connect(address(server), 0, 2000)) {
                    stream.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}));
                    ByteBuffer in = ByteBuffer.allocateDirect(5);
                    while (in.hasRemaining()) {
                        assertTrue(stream.read(in) > 0);
                    }
                    byte[] got = new byte[5];
                    in.flip().get(got);
                    assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, got, host);
                    echo.get(5, TimeUnit.SECONDS);
                    assertEquals(-1, stream.read(ByteBuffer.allocateDirect(1)), "the echo closed: end of stream");
                }
            }
        }
    }

    @Test
    void shutdownWakesAThreadBlockedInRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             NativeSocket stream = NativeSocket.connect(address(server), 0, 2000);
             Socket peer = server.accept()) {
            CompletableFuture<Integer> read = readInBackground(stream);
            Thread.sleep(200);
            assertTrue(!read.isDone(), "nothing was sent: the read blocks");
            stream.shutdown();
            assertEquals(-1, read.get(2, TimeUnit.SECONDS));
            assertTrue(peer.isConnected());
        }
    }

    @Test
    void shutdownWakesAThreadBlockedInWrite() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             NativeSocket stream = NativeSocket.connect(address(server), 4096, 2000);
             Socket peer = server.accept()) {
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                ByteBuffer chunk = ByteBuffer.allocateDirect(65536);
                long sent = 0;
                try {
                    while (true) {
                        chunk.clear();
                        sent += stream.write(chunk);
                    }
                } catch (IOException e) {
                    return sent;
                }
            });
            Thread.sleep(300);
            assertTrue(!writer.isDone(), "the peer does not read: the writer blocks on a full buffer");
            stream.shutdown();
            assertTrue(writer.get(2, TimeUnit.SECONDS) > 0);
        }
    }

    @Test
    void restartingCongestionControlKeepsTheHostsAlgorithm() throws Exception {
        String host = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_congestion_control")).trim();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             NativeSocket stream = NativeSocket.connect(address(server), 0, 2000);
             Socket peer = server.accept()) {
            assertEquals(host, stream.congestionControl());
            stream.write(ByteBuffer.wrap(new byte[40]));
            stream.restartCongestionControl();
            assertEquals(host, stream.congestionControl());
            stream.write(ByteBuffer.wrap(new byte[] {7}));
            assertEquals(41, peer.getInputStream().readNBytes(41).length, "the stream goes on");
        }
    }

    @Test
    void aRefusedConnectionIsAnIoException() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        IOException e = assertThrows(IOException.class,
                () -> NativeSocket.connect(new InetSocketAddress("127.0.0.1", port), 0, 2000));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void aDatagramSocketSendsOneDatagramPerWriteTimesOutAndWakesOnShutdown() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             NativeSocket socket = NativeSocket.connectDatagram(
                     new InetSocketAddress(peer.getLocalAddress(), peer.getLocalPort()), 0)) {
            socket.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            DatagramPacket got = new DatagramPacket(new byte[16], 16);
            peer.setSoTimeout(5000);
            peer.receive(got);
            assertEquals(3, got.getLength());
            long begin = System.nanoTime();
            assertEquals(0, socket.read(ByteBuffer.allocateDirect(16), 200), "nothing within 200 ms");
            assertTrue(System.nanoTime() - begin >= TimeUnit.MILLISECONDS.toNanos(150));
            peer.send(new DatagramPacket(new byte[] {9, 8}, 2, got.getSocketAddress()));
            ByteBuffer in = ByteBuffer.allocateDirect(16);
            assertEquals(2, socket.read(in), "the timeout is gone again, the datagram is there");
            CompletableFuture<Integer> blocked = readInBackground(socket);
            Thread.sleep(100);
            socket.shutdown();
            assertEquals(-1, blocked.get(5, TimeUnit.SECONDS), "shutdown ends a blocked receive");
        }
    }

    /** One read of {@code socket} on another thread: its result, or -2 for an exception. */
    private static CompletableFuture<Integer> readInBackground(NativeSocket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return socket.read(ByteBuffer.allocateDirect(64));
            } catch (IOException e) {
                return -2;
            }
        });
    }

    private static InetSocketAddress address(ServerSocket server) {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private static void echoOnce(ServerSocket server, int bytes) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            s.getOutputStream().write(in.readNBytes(bytes));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
