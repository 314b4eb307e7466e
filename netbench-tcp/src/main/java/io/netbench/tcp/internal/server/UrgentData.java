package io.netbench.tcp.internal.server;

import io.netbench.core.internal.LibC;
import io.netbench.tcp.internal.protocol.Wire;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * qperf's error signal on a Netty channel: one byte of TCP urgent data ({@link Wire#URGENT_ERROR})
 * and the error text right behind it. A real qperf client, woken by the urgent byte (SIGURG),
 * reads the text at once without waiting and prints it as {@code server: <text>}; so the two go
 * straight onto the socket, back to back as qperf's C server sends them, not through the
 * pipeline. Netty has no API for urgent data: native transports give the socket's descriptor to
 * {@link LibC}; the NIO transport's JDK channel sends urgent data itself. Only for a connection
 * whose outbound buffer is empty, as the control connection's is between its small, flushed
 * messages.
 *
 * <p>The race is qperf's own, and cannot be closed from the sending side: when the client runs on
 * the same machine and the kernel wakes it on the sender's CPU, it can preempt the sender between
 * the two calls and find no text yet; it then prints a bare {@code server:} (seen on loopback on
 * a machine of few CPUs, never with the two on different CPUs).
 */
final class UrgentData {
    private UrgentData() {
    }

    /** Sends the urgent byte and {@code text}; where there is no socket (a test's channel), the text alone. */
    static ChannelFuture sendError(Channel channel, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        try {
            if (channel instanceof UnixChannel unix) {
                LibC.sendUrgent(unix.fd().intValue(), Wire.URGENT_ERROR, bytes);
            } else if (channel instanceof NioSocketChannel nio) {
                SocketChannel socket = javaChannel(nio);
                socket.socket().sendUrgentData(Wire.URGENT_ERROR);
                socket.write(ByteBuffer.wrap(bytes));
            } else {
                return channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            }
            return channel.newSucceededFuture();
        } catch (IOException e) {
            return channel.newFailedFuture(e);
        }
    }

    private static SocketChannel javaChannel(NioSocketChannel channel) throws IOException {
        try {
            Method method = NioSocketChannel.class.getDeclaredMethod("javaChannel");
            method.setAccessible(true);
            return (SocketChannel) method.invoke(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("no urgent data on NIO: " + e, e);
        }
    }
}
