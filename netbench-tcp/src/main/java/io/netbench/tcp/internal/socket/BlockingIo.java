package io.netbench.tcp.internal.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/** Whole-buffer reads and writes on a blocking channel, for the loops that move a message at a time. */
public final class BlockingIo {
    private BlockingIo() {
    }

    /** Writes all that remains in {@code buf}, with as many calls as the socket needs. */
    public static void writeFully(ByteChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Fills what remains of {@code buf}, with as many calls as it takes; false at the end of the stream. */
    public static boolean readFully(ByteChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return false;
            }
        }
        return true;
    }
}
