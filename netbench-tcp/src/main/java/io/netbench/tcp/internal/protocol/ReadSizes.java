package io.netbench.tcp.internal.protocol;

/**
 * How much a tcp_bw receiver asks for per read, on either end: the server's data thread for a
 * tcp_bw, the client for a reversed one. Both ends receive the same way, so that a test measures
 * the same thing whichever side receives.
 */
public final class ReadSizes {
    private static final int SMALL_MESSAGE = 4096;
    private static final int LARGE_CHUNK = 64 * 1024;

    private ReadSizes() {
    }

    /**
     * At most 4 KiB per read for messages up to 4 KiB, 64 KiB above. Smaller reads release
     * receive space, and so open the window for the sender, sooner and from the receiver's CPU:
     * a sender of small messages, busy with a system call per message, sends more against them.
     * Larger messages go faster with larger reads, which cost fewer system calls per byte.
     */
    public static int tcpBw(int msgSize) {
        return msgSize <= SMALL_MESSAGE ? SMALL_MESSAGE : LARGE_CHUNK;
    }
}
