package io.netbench.tcp.internal.server;

import io.netbench.core.internal.CgroupLimits;
import io.netty.util.internal.PlatformDependent;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The direct memory that the data buffers of all running tests may hold together. A test reserves
 * its buffers' size before it starts and is refused ({@code server busy: memory}) when they do
 * not fit; it gives them back when it closes. The per-request limit on msg_size alone does not
 * bound the sum: six 64 MiB tcp_lat tests against 256 MiB of direct memory failed half-way.
 */
final class MemoryBudget {
    /** Direct memory kept out of the budget for everything else: the event loops' pooled buffers. */
    private static final long MIN_MARGIN = 16L << 20;

    private final long limit;
    private final AtomicLong reserved = new AtomicLong();

    MemoryBudget(long limit) {
        this.limit = limit;
    }

    /**
     * The default budget: the JVM's direct memory limit ({@code -XX:MaxDirectMemorySize}, by
     * default the heap's), or the container's memory limit if lower, less a margin of a quarter
     * (at least 16 MiB) for the buffers of the event loops.
     */
    static long automatic() {
        long direct = PlatformDependent.maxDirectMemory();
        long container = CgroupLimits.read().memoryBytes().orElse(Long.MAX_VALUE);
        long most = Math.min(direct, container);
        return Math.max(0, most - Math.max(MIN_MARGIN, most / 4));
    }

    /** {@return the bytes all tests together may hold} */
    long limit() {
        return limit;
    }

    /** {@return the bytes held by running tests} */
    long reserved() {
        return reserved.get();
    }

    /** Takes {@code bytes} from the budget, or returns {@code false} (taking nothing) if they do not fit. */
    boolean reserve(long bytes) {
        long now;
        do {
            now = reserved.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return true;
    }

    /** Gives back what a {@link #reserve} took. */
    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    /** {@code 64 MiB}: bytes in whole MiB, or KiB between 1 KiB and 1 MiB, for messages. */
    static String describe(long bytes) {
        return bytes >= 1L << 20 || bytes < 1L << 10 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
