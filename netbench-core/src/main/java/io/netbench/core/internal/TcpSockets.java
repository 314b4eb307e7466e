package io.netbench.core.internal;

import io.netbench.core.TcpInfo;
import io.netty.channel.Channel;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a TCP socket's {@code TCP_INFO} and congestion control ({@code TCP_CONGESTION}) through
 * {@link LibC}, and decodes Linux's {@code struct tcp_info} into a {@link TcpInfo}: each field at
 * its offset, kept only where the kernel's struct reached it. Sockets of Netty's native transports
 * (epoll, io_uring) are read by their descriptor; others (NIO) have none to read.
 */
public final class TcpSockets {
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    private static final int TCP_CONGESTION = 13;
    /** Room for today's struct and more; the kernel writes what it has. */
    private static final int STRUCT_SIZE = 512;
    /** Offsets of {@link TcpInfo#FIELDS} in {@code struct tcp_info}: u32 fields, then u64 ({@link #WIDE}). */
    private static final int[] OFFSETS = {2, 16, 20, 24, 32, 36, 60, 68, 72, 76, 80, 88, 100, 104, 120, 128, 136,
        140, 148, 152, 156, 160, 168, 176, 184, 200, 208};
    private static final java.util.Set<String> WIDE = java.util.Set.of("pacing_rate", "bytes_acked",
            "bytes_received", "delivery_rate", "busy_time", "rwnd_limited", "sndbuf_limited", "bytes_sent",
            "bytes_retrans");

    private TcpSockets() {
    }

    /** {@return the TCP_INFO of {@code channel}'s socket, or {@code null} where it cannot be read (NIO, closed)} */
    public static TcpInfo info(Channel channel) {
        return channel instanceof UnixChannel unix && unix.fd().isOpen() ? info(unix.fd().intValue()) : null;
    }

    /** {@return the TCP_INFO of socket {@code fd}, or {@code null} where it cannot be read} */
    public static TcpInfo info(int fd) {
        try {
            byte[] struct = new byte[STRUCT_SIZE];
            int length = LibC.getOption(fd, IPPROTO_TCP, TCP_INFO, struct);
            byte[] name = new byte[16];
            int nameLength = LibC.getOption(fd, IPPROTO_TCP, TCP_CONGESTION, name);
            return decode(ByteBuffer.wrap(struct, 0, length).slice(), cString(name, nameLength));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Decodes a {@code struct tcp_info} in the machine's byte order, as far as it goes. A rate of
     * all ones (pacing not limited) is left out.
     *
     * @param struct the bytes the kernel wrote, from position 0 to the limit
     * @param congestion the congestion control's name, or {@code null}
     * @return the sample of one connection
     */
    static TcpInfo decode(ByteBuffer struct, String congestion) {
        ByteBuffer in = struct.order(ByteOrder.nativeOrder());
        Map<String, Long> fields = new LinkedHashMap<>();
        for (int i = 0; i < OFFSETS.length; i++) {
            String name = TcpInfo.FIELDS.get(i);
            boolean wide = WIDE.contains(name);
            int offset = OFFSETS[i];
            if (offset + (wide ? 8 : 4) > in.limit()) {
                continue;
            }
            long v = i == 0 ? in.get(offset) & 0xff : wide ? in.getLong(offset) : in.getInt(offset) & 0xffffffffL;
            if (v != -1) {
                fields.put(name, v);
            }
        }
        return new TcpInfo(1, congestion, fields);
    }

    private static String cString(byte[] bytes, int length) {
        int n = 0;
        while (n < length && bytes[n] != 0) {
            n++;
        }
        return n == 0 ? null : new String(bytes, 0, n, StandardCharsets.US_ASCII);
    }
}
