package io.netbench.tcp.internal.socket;

import io.netbench.core.TcpInfo;
import io.netbench.core.internal.LibC;
import io.netbench.core.internal.TcpSockets;
import io.netty.channel.unix.DatagramSocketAddress;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ByteChannel;
import java.nio.channels.NotYetConnectedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A socket in blocking mode, read and written through Netty's JNI: each {@link #read} is one
 * {@code recv()} and each {@link #write} one {@code send()}, as in qperf's C. Mostly a connected
 * TCP socket; the server's UDP data threads {@link #adopt} a UDP socket too, where each call is
 * one datagram and {@link #receiveFrom} and {@link #connect(InetSocketAddress)} find and fix the
 * peer of a classic data port.
 * The measuring loops use it whenever a native transport is loaded, because the JDK's
 * {@code SocketChannel} costs more per call (locks, and a second native call to note the blocked
 * thread): a small-message sender made fewer sends per second through it than through this
 * class, which matched a C sender on the same machine.
 *
 * <p>Any thread may call {@link #shutdown()}: a thread blocked in a call returns at once, seeing
 * the end of the stream or an error. Only the owning thread closes, after it has left its loop, so
 * that the descriptor's number is never reused under a call that is still running.
 */
public final class NativeSocket implements ByteChannel {
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_SNDTIMEO = 21;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_CONGESTION = 13;
    private static final int TCP_CA_NAME_MAX = 16;
    private static final byte[] RENO = "reno".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether a direct buffer's address can be read in Java, so that {@link #read} and
     * {@link #write} hand the native call a number rather than the buffer, which the native side
     * looks the address up for through JNI, a cost on every call of the measuring loops.
     */
    private static final boolean ADDRESSES = PlatformDependent.hasUnsafe();

    private final Socket socket;

    private NativeSocket(Socket socket) {
        this.socket = socket;
    }

    /**
     * Connects to {@code target}, waiting at most {@code timeoutMillis} (a blocking connect ends at
     * the socket's send timeout), with {@code sockBuf} bytes of socket buffers unless 0.
     */
    public static NativeSocket connect(InetSocketAddress target, int sockBuf, int timeoutMillis) throws IOException {
        Socket socket = open(Family.stream(target.getAddress() instanceof Inet6Address), sockBuf);
        try {
            timeout(socket, SO_SNDTIMEO, timeoutMillis);
            if (!socket.connect(target)) {
                throw new SocketTimeoutException("connect timed out");
            }
            timeout(socket, SO_SNDTIMEO, 0);
            return new NativeSocket(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A UDP socket connected to {@code target}, with {@code sockBuf} bytes of socket buffers unless 0. */
    public static NativeSocket connectDatagram(InetSocketAddress target, int sockBuf) throws IOException {
        Socket socket = open(Family.datagram(target.getAddress() instanceof Inet6Address), sockBuf);
        try {
            socket.connect(target);
            return new NativeSocket(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The new socket {@code fd} in blocking mode, with {@code sockBuf} bytes of socket buffers unless 0. */
    private static Socket open(int fd, int sockBuf) throws IOException {
        Socket socket = new Socket(fd);
        try {
            LibC.setBlocking(fd);
            if (sockBuf > 0) {
                socket.setSendBufferSize(sockBuf);
                socket.setReceiveBufferSize(sockBuf);
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Takes over the socket of a channel Netty opened (an accepted connection, a datagram socket),
     * once the channel has left its event loop; the channel still owns the descriptor and closes it.
     */
    public static NativeSocket adopt(FileDescriptor fd) throws IOException {
        if (!(fd instanceof Socket socket)) {
            throw new IOException("not a socket: " + fd);
        }
        LibC.setBlocking(socket.intValue());
        return new NativeSocket(socket);
    }

    /** Sets {@code SO_SNDTIMEO} or {@code SO_RCVTIMEO}: a blocking call gives up after {@code millis} (0: never). */
    private static void timeout(Socket socket, int option, int millis) throws IOException {
        ByteBuffer timeval = ByteBuffer.allocate(2 * Long.BYTES).order(ByteOrder.nativeOrder());
        timeval.putLong(millis / 1000).putLong((millis % 1000) * 1000L).flip();
        socket.setRawOpt(SOL_SOCKET, option, timeval);
    }

    /**
     * Starts the connection's congestion control afresh, as if no byte had been sent yet, by
     * switching it to reno and back (setting the same algorithm again keeps its state). Against
     * BBR, the default on many hosts, the few bytes of a one-port preamble could leave a connection
     * with a low pacing rate for its whole life, and a large tcp_lat message then left in segments
     * spaced apart instead of back to back. With reno in place there is nothing to restart. Best
     * effort: a host that refuses it keeps its state.
     */
    public void restartCongestionControl() {
        try {
            byte[] name = congestionControl().getBytes(StandardCharsets.US_ASCII);
            if (name.length == 0 || Arrays.equals(RENO, name)) {
                return;
            }
            socket.setRawOpt(IPPROTO_TCP, TCP_CONGESTION, ByteBuffer.wrap(RENO));
            socket.setRawOpt(IPPROTO_TCP, TCP_CONGESTION, ByteBuffer.wrap(name));
        } catch (IOException e) {
            // the state stays as it is
        }
    }

    /** The name of the connection's congestion control algorithm ({@code TCP_CONGESTION}). */
    public String congestionControl() throws IOException {
        ByteBuffer name = ByteBuffer.allocate(TCP_CA_NAME_MAX);
        socket.getRawOpt(IPPROTO_TCP, TCP_CONGESTION, name);
        int length = 0;
        while (length < TCP_CA_NAME_MAX && name.get(length) != 0) {
            length++;
        }
        return new String(name.array(), 0, length, StandardCharsets.US_ASCII);
    }

    /** {@return this TCP socket's TCP_INFO now, or {@code null} if it cannot be read} */
    public TcpInfo tcpInfo() {
        return TcpSockets.info(socket.intValue());
    }

    /** Reads what has arrived into {@code dst}, a direct buffer, waiting for at least one byte; -1 at the end of the stream. */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = ADDRESSES ? socket.recvAddress(PlatformDependent.directBufferAddress(dst), dst.position(), dst.limit())
                : socket.recv(dst, dst.position(), dst.limit());
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    /**
     * Receives one datagram into {@code dst} with {@code recvfrom()}, waiting for it; returns its
     * sender, or {@code null} once the socket has been shut down.
     */
    public InetSocketAddress receiveFrom(ByteBuffer dst) throws IOException {
        DatagramSocketAddress from = socket.recvFrom(dst, dst.position(), dst.limit());
        if (from == null || from.receivedAmount() <= 0) {
            return null;
        }
        dst.position(dst.position() + from.receivedAmount());
        return new InetSocketAddress(from.getAddress(), from.getPort());
    }

    /** Connects a datagram socket to {@code peer}: from now on it receives from there only. */
    public void connect(InetSocketAddress peer) throws IOException {
        socket.connect(peer);
    }

    /** Reads as {@link #read(ByteBuffer)} does, but returns 0 once {@code millis} have passed without data. */
    public int read(ByteBuffer dst, int millis) throws IOException {
        timeout(socket, SO_RCVTIMEO, millis);
        try {
            return read(dst);
        } finally {
            timeout(socket, SO_RCVTIMEO, 0);
        }
    }

    /** Writes with one {@code send()}: all of {@code src} unless the socket's buffer fills first. */
    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!src.isDirect()) {
            ByteBuffer direct = ByteBuffer.allocateDirect(src.remaining()).put(src.duplicate()).flip();
            int n = write(direct);
            src.position(src.position() + n);
            return n;
        }
        int n = ADDRESSES ? socket.sendAddress(PlatformDependent.directBufferAddress(src), src.position(), src.limit())
                : socket.send(src, src.position(), src.limit());
        src.position(src.position() + n);
        return n;
    }

    /** Ends both directions; from any thread. A blocked read sees the end, a blocked write an error. */
    public void shutdown() {
        try {
            socket.shutdown();
        } catch (IOException | NotYetConnectedException e) {
            // already reset (ENOTCONN, which Netty reports unchecked) or shut down: nothing is blocked on it
        }
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Reaches the protected factory of {@link Socket} that picks the address family. */
    private static final class Family extends Socket {
        private Family() {
            super(-1);
        }

        static int stream(boolean ipv6) {
            return newSocketStream0(ipv6);
        }

        static int datagram(boolean ipv6) {
            return newSocketDgram0(ipv6);
        }
    }
}
