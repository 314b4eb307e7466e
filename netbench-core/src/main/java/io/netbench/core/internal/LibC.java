package io.netbench.core.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The few Linux calls that neither the JDK nor Netty offers, made through JNA: a thread's CPU
 * affinity ({@code sched_getaffinity}/{@code sched_setaffinity}, for qperf's {@code -ca}), one
 * byte of TCP urgent data ({@code send(..., MSG_OOB)}, qperf's error signal, with its text) and a
 * socket's receive low-water mark ({@code SO_RCVLOWAT}, which Netty does not offer), a socket
 * option of any length ({@code getsockopt}, for {@code TCP_INFO}, whose length Netty does not return) and blocking
 * mode for a socket of Netty's JNI ({@code fcntl}; Netty makes every socket non-blocking). Each call reports a
 * failure as an {@link IOException} worded like {@code strerror}; where JNA cannot load (not
 * Linux, an unknown architecture) every call fails with the reason instead of crashing the caller.
 */
public final class LibC {
    private static final int MSG_OOB = 0x1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVLOWAT = 18;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    /** The same on x86-64 and aarch64, the architectures Netty's natives ship for. */
    private static final int O_NONBLOCK = 0x800;
    /** 1024 CPUs, glibc's {@code cpu_set_t}. */
    private static final int MASK_WORDS = 16;

    private LibC() {
    }

    /** The CPUs that thread (or process) {@code tid} may run on; 0 means the calling thread. */
    public static BitSet affinity(int tid) throws IOException {
        long[] mask = new long[MASK_WORDS];
        try {
            requireBound();
            Binding.sched_getaffinity(tid, MASK_WORDS * 8L, mask);
        } catch (LastErrorException e) {
            throw failure("cannot get processor affinity", e);
        }
        return BitSet.valueOf(mask);
    }

    /** Restricts the calling thread to {@code cpus}. */
    public static void setAffinity(BitSet cpus) throws IOException {
        long[] mask = Arrays.copyOf(cpus.toLongArray(), MASK_WORDS);
        try {
            requireBound();
            Binding.sched_setaffinity(0, MASK_WORDS * 8L, mask);
        } catch (LastErrorException e) {
            throw failure("cannot set processor affinity"
                    + (cpus.cardinality() == 1 ? " (cpu " + cpus.nextSetBit(0) + ")" : ""), e);
        }
    }

    /**
     * Sends {@code b} as TCP urgent (out-of-band) data on socket {@code fd} and {@code then} right
     * after it, two calls as close together as C makes them, since a peer woken by the urgent byte
     * may read what follows it at once.
     */
    public static void sendUrgent(int fd, byte b, byte[] then) throws IOException {
        requireBound();
        try {
            Binding.send(fd, new byte[] {b}, 1, MSG_OOB);
            Binding.send(fd, then, then.length, 0);
        } catch (LastErrorException e) {
            throw failure("cannot send urgent data", e);
        }
    }

    /** Sets the socket option {@code SO_RCVLOWAT} of socket {@code fd}. */
    public static void setReceiveLowWatermark(int fd, int bytes) throws IOException {
        requireBound();
        try {
            Binding.setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, new int[] {bytes}, Integer.BYTES);
        } catch (LastErrorException e) {
            throw failure("cannot set SO_RCVLOWAT", e);
        }
    }

    /**
     * Reads socket option {@code name} at {@code level} of socket {@code fd} into {@code value};
     * returns the bytes the kernel wrote, fewer than its length for an older kernel's shorter struct.
     */
    public static int getOption(int fd, int level, int name, byte[] value) throws IOException {
        requireBound();
        int[] length = {value.length};
        try {
            Binding.getsockopt(fd, level, name, value, length);
        } catch (LastErrorException e) {
            throw failure("cannot read socket option " + name, e);
        }
        return length[0];
    }

    /** Puts file descriptor {@code fd} in blocking mode: reads and writes wait, as in plain C. */
    public static void setBlocking(int fd) throws IOException {
        requireBound();
        try {
            int flags = Binding.fcntl(fd, F_GETFL, 0);
            Binding.fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        } catch (LastErrorException e) {
            throw failure("cannot make socket blocking", e);
        }
    }

    private static IOException failure(String what, LastErrorException e) {
        String message = e.getMessage();
        int bracket = message == null ? -1 : message.indexOf("] ");
        return new IOException(what + ": " + (bracket >= 0 ? message.substring(bracket + 2) : "errno " + e.getErrorCode()));
    }

    /**
     * Binds libc now rather than at the first call: binding may need to open files (JNA's own
     * library), which fails once a server has used up its file descriptors, and a failure is
     * remembered for good. Servers call it before they listen.
     *
     * @throws IOException with the reason where libc cannot be bound
     */
    public static void bind() throws IOException {
        requireBound();
    }

    /** Binds libc if not yet done; fails with the reason where it cannot be bound. */
    private static void requireBound() throws IOException {
        if (Binding.PROBLEM != null) {
            throw new IOException("native calls are not available here (" + Binding.PROBLEM + ")");
        }
    }

    /**
     * libc, bound on first use by JNA's direct mapping with primitive arguments only (as fast as
     * JNI, which {@link #sendUrgent} needs; {@code size_t} is a {@code long} on the 64-bit Linux
     * that netbench runs on); a failure to bind is remembered and reported by every call.
     */
    private static final class Binding {
        static final String PROBLEM;

        static {
            String problem = null;
            try {
                if (Native.SIZE_T_SIZE != Long.BYTES) {
                    throw new UnsatisfiedLinkError("a 64-bit JVM is needed");
                }
                Native.register(Binding.class, "c");
            } catch (LinkageError | RuntimeException e) {
                problem = String.valueOf(e.getMessage());
            }
            PROBLEM = problem;
        }

        static native int sched_getaffinity(int pid, long size, long[] mask) throws LastErrorException;

        static native int sched_setaffinity(int pid, long size, long[] mask) throws LastErrorException;

        static native long send(int fd, byte[] buf, long len, int flags) throws LastErrorException;

        static native int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

        static native int getsockopt(int fd, int level, int name, byte[] value, int[] length)
                throws LastErrorException;

        static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;
    }
}
