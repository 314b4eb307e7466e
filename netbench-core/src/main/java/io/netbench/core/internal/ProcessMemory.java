package io.netbench.core.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What this process's memory holds, read when a server's {@code /metrics} is scraped: the resident
 * set (Linux), the JVM heap in use, and what Netty's default allocator (the one every netbench
 * channel reads into and writes from) has reserved in direct and heap memory. Divided by the open
 * connections, they say what a connection costs; the allocator's figures tell buffers held apart
 * from everything else. Not part of the public API.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** {@return the resident set size in bytes ({@code VmRSS}), empty where /proc cannot tell} */
    public static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** {@return the bytes of JVM heap in use, garbage not yet collected included} */
    public static long heapUsedBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * @param direct direct memory, or heap memory
     * @return the bytes Netty's default allocator has reserved (its chunks, used or not), -1 if it does not say
     */
    public static long nettyAllocatorBytes(boolean direct) {
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
            ByteBufAllocatorMetric metric = provider.metric();
            return direct ? metric.usedDirectMemory() : metric.usedHeapMemory();
        }
        return -1;
    }
}
