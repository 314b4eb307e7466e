package io.netbench.tcp.internal.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Constants of qperf 0.4.11's control protocol and of netbench's one-port extension to it.
 *
 * <p>Classic qperf: the client sends a 200-byte request; for socket tests the server opens a
 * data socket on a second port and sends its number (u32 little-endian). That second port is what
 * a Kubernetes Service or NAT does not forward. netbench's extension: a netbench client puts
 * {@link #ONE_PORT_MARKER} and a random session token in the request's {@code id} field (which
 * qperf's socket tests ignore, so a real qperf server still answers classically). A netbench
 * server then answers with data port {@link #SAME_PORT} (0, never a real port), and the client
 * opens its data path to the very address and port of the control connection:
 * <ul>
 *   <li>TCP: a new connection that starts with {@link #DATA_MAGIC} and the token;</li>
 *   <li>UDP: datagrams to the same port number in UDP, after a hello datagram
 *       ({@link #UDP_HELLO} + token) that the server acknowledges ({@link #UDP_ACK}).</li>
 * </ul>
 * <p>Counters: a netbench client puts {@link #COUNTERS_REQUEST} in the request's
 * {@code static_rate} (RDMA only in qperf, so a real qperf server ignores it). A netbench server
 * then marks its STAT's padding with {@link #COUNTERS_MARK} and follows it with its end's
 * counters ({@link CountersFrame}), before the client's "synchronization after test". A client
 * reads the frame only after a marked STAT, and a real qperf client never asks for one.
 *
 * <p>A server that refuses or fails a request does what qperf's {@code error()} does: one byte of
 * TCP urgent data ({@link #URGENT_ERROR}), then one line of text, then it closes. A real qperf
 * client prints the text after the urgent byte; a netbench client finds the text where it expected
 * a port, a synchronisation text or the results.
 */
public final class Wire {
    public static final int VER_MAJ = 0;
    public static final int VER_MIN = 4;
    public static final int VER_INC = 11;
    /** The qperf version this protocol is: {@code 0.4.11}. */
    public static final String VERSION = VER_MAJ + "." + VER_MIN + "." + VER_INC;
    public static final int REQUEST_SIZE = 200;
    /** Encoded STAT fields: 3 u32, 2 × 9 u64 ticks, 4 × 3 u64 counters. */
    public static final int STAT_ENCODED = 252;
    /** What qperf sends for STAT: the C struct's size, padding included. */
    public static final int STAT_SIZE = 256;
    /** A string field of qperf's structs: {@code char[64]}, NUL-terminated. */
    public static final int STRSIZE = 64;
    /** qperf's CONF struct: four strings. */
    public static final int CONF_SIZE = 4 * STRSIZE;

    public static final byte[] SYNC_BEFORE = ascii("synchronization before test");
    public static final byte[] SYNC_AFTER = ascii("synchronization after test");

    public static final String ONE_PORT_MARKER = "netbench-1port:";
    public static final int SAME_PORT = 0;
    public static final byte[] DATA_MAGIC = ascii("NBDATA01");
    public static final byte[] UDP_HELLO = ascii("NBUDPHI1");
    public static final byte[] UDP_ACK = ascii("NBUDPOK1");
    public static final int TOKEN_LENGTH = 32;
    /** In a request's {@code static_rate}: the client reads the server's counters after the STAT. */
    public static final String COUNTERS_REQUEST = "netbench-counters/1";
    /** In a STAT's padding: the server's counters follow. */
    public static final byte[] COUNTERS_MARK = ascii("NBC1");
    /** The urgent byte before an error text. */
    public static final byte URGENT_ERROR = '?';

    private Wire() {
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** What opens a one-port data path: {@code magic} ({@link #DATA_MAGIC} or {@link #UDP_HELLO}), then the token. */
    public static byte[] preamble(byte[] magic, String token) {
        byte[] t = ascii(token);
        byte[] out = Arrays.copyOf(magic, magic.length + t.length);
        System.arraycopy(t, 0, out, magic.length, t.length);
        return out;
    }

    /** Writes {@code s} as qperf's C strings: ASCII, at most {@value #STRSIZE} - 1 bytes, NUL-padded. */
    public static void writeString(ByteBuf out, String s) {
        byte[] bytes = ascii(s);
        int n = Math.min(bytes.length, STRSIZE - 1);
        out.writeBytes(bytes, 0, n).writeZero(STRSIZE - n);
    }

    /** Reads a string that {@link #writeString} wrote: {@value #STRSIZE} bytes, up to the first NUL. */
    public static String readString(ByteBuf in) {
        byte[] bytes = new byte[STRSIZE];
        in.readBytes(bytes);
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.US_ASCII);
    }

    /** Whether the datagram between {@code datagram}'s position and limit is a one-port hello ({@link #UDP_HELLO} + token). */
    public static boolean isUdpHello(ByteBuffer datagram) {
        if (datagram.remaining() != UDP_HELLO.length + TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < UDP_HELLO.length; i++) {
            if (datagram.get(datagram.position() + i) != UDP_HELLO[i]) {
                return false;
            }
        }
        return true;
    }
}
