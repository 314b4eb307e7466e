package io.netbench.tcp.internal.client;

import io.netbench.tcp.QperfException;
import io.netbench.tcp.internal.protocol.Wire;
import io.netbench.tcp.internal.socket.BlockingIo;
import io.netbench.tcp.internal.socket.NativeSocket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;

/**
 * Opens the blocking channel under a client's {@link DataPath}, a TCP connection or a connected UDP
 * socket, through Netty's JNI ({@link NativeSocket}) or the JDK's channels; in one-port mode,
 * {@link #greet} then ties it to the server's session.
 */
final class DataChannels {
    private static final int HELLO_TRIES = 5;

    private DataChannels() {
    }

    /** A TCP connection to {@code target}, with {@code sockBuf} bytes of socket buffers unless 0. */
    static ByteChannel tcp(InetSocketAddress target, int sockBuf, int timeoutMillis, boolean nativeIo)
            throws IOException {
        // No TCP_NODELAY: qperf leaves Nagle on, which coalesces small bandwidth messages.
        return nativeIo ? NativeSocket.connect(target, sockBuf, timeoutMillis)
                : connectJdk(target, sockBuf, timeoutMillis);
    }

    private static SocketChannel connectJdk(InetSocketAddress target, int sockBuf, int timeoutMillis)
            throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            if (sockBuf > 0) {
                ch.setOption(StandardSocketOptions.SO_SNDBUF, sockBuf);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, sockBuf);
            }
            ch.socket().connect(target, timeoutMillis);
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** A UDP socket connected to {@code target}, with {@code sockBuf} bytes of socket buffers unless 0. */
    static ByteChannel udp(InetSocketAddress target, int sockBuf, boolean nativeIo) throws IOException {
        return nativeIo ? NativeSocket.connectDatagram(target, sockBuf) : connectJdk(target, sockBuf);
    }

    /**
     * Ties {@code ch} to the one-port session of {@code token}: a TCP connection sends
     * {@link Wire#DATA_MAGIC} and the token; a UDP socket sends a hello until the server, on
     * {@code port}, acknowledges it, which proves that the port is forwarded for UDP too.
     */
    static void greet(ByteChannel ch, boolean udp, String token, int timeoutMillis, int port) throws IOException {
        if (udp) {
            hello(ch, token, Math.max(200, timeoutMillis / HELLO_TRIES), port);
        } else {
            BlockingIo.writeFully(ch, ByteBuffer.wrap(Wire.preamble(Wire.DATA_MAGIC, token)));
        }
    }

    private static DatagramChannel connectJdk(InetSocketAddress target, int sockBuf) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            if (sockBuf > 0) {
                ch.setOption(StandardSocketOptions.SO_SNDBUF, sockBuf);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, sockBuf);
            }
            return ch.connect(target);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    private static void hello(ByteChannel ch, String token, int waitMillis, int port) throws IOException {
        ByteBuffer hello = ByteBuffer.wrap(Wire.preamble(Wire.UDP_HELLO, token));
        ByteBuffer reply = ByteBuffer.allocateDirect(64);
        for (int i = 0; i < HELLO_TRIES; i++) {
            ch.write(hello.clear());
            if (receive(ch, reply.clear(), waitMillis) == Wire.UDP_ACK.length
                    && reply.flip().equals(ByteBuffer.wrap(Wire.UDP_ACK))) {
                return;
            }
        }
        throw new QperfException("no UDP answer from server port " + port + " (is UDP forwarded to the same port as TCP?)");
    }

    /** One datagram into {@code dst}: its length, or 0 when none came within {@code waitMillis}. */
    private static int receive(ByteChannel ch, ByteBuffer dst, int waitMillis) throws IOException {
        if (ch instanceof NativeSocket socket) {
            return socket.read(dst, waitMillis);
        }
        DatagramSocket socket = ((DatagramChannel) ch).socket();
        socket.setSoTimeout(waitMillis);
        DatagramPacket packet = new DatagramPacket(new byte[dst.remaining()], dst.remaining());
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return 0; // lost or not forwarded: the caller tries again
        }
        dst.put(packet.getData(), 0, packet.getLength());
        return packet.getLength();
    }
}
