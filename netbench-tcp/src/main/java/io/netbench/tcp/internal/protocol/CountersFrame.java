package io.netbench.tcp.internal.protocol;

import io.netbench.core.NetCounters;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A netbench server's {@link NetCounters} on the control connection, right after its STAT (see
 * {@link Wire}): the STAT's padding marked, then the counters' JSON as a u32 little-endian length
 * and that many UTF-8 bytes.
 */
public final class CountersFrame {
    /** Larger than any frame a server writes; a longer length is a protocol error. */
    public static final int MAX_LENGTH = 64 * 1024;

    private CountersFrame() {
    }

    /** Marks the STAT just written to {@code out} and writes {@code counters} after it. */
    public static void write(ByteBuf out, NetCounters counters) {
        out.setBytes(out.writerIndex() - Wire.COUNTERS_MARK.length, Wire.COUNTERS_MARK);
        byte[] json = counters.toJson().getBytes(StandardCharsets.UTF_8);
        out.writeIntLE(json.length).writeBytes(json);
    }

    /** Whether {@code stat}, the {@value Wire#STAT_SIZE} bytes of a STAT, announces a frame. */
    public static boolean follows(ByteBuf stat) {
        int at = stat.readerIndex() + Wire.STAT_SIZE - Wire.COUNTERS_MARK.length;
        for (int i = 0; i < Wire.COUNTERS_MARK.length; i++) {
            if (stat.getByte(at + i) != Wire.COUNTERS_MARK[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The frame's length, from its first 4 bytes.
     *
     * @throws IllegalArgumentException if it is negative or above {@link #MAX_LENGTH}
     */
    public static int length(ByteBuf header) {
        long length = header.readUnsignedIntLE();
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("counters frame of " + length + " bytes");
        }
        return (int) length;
    }

    /** The counters in a frame's body. */
    public static NetCounters read(ByteBuf body) {
        return NetCounters.fromJson(body.toString(StandardCharsets.UTF_8));
    }
}
