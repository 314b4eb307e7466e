package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The memory gauges every registry carries, as a scrape reads them. */
class ServerMetricsTest {
    @Test
    void aScrapeSaysWhatTheProcessAndNettysAllocatorHold() {
        ServerMetrics metrics = new ServerMetrics();
        ByteBuf buffers = ByteBufAllocator.DEFAULT.directBuffer(4 << 20);
        try {
            buffers.writeZero(4 << 20);
            String text = metrics.prometheusText();
            assertTrue(text.contains("# TYPE netbench_memory_bytes gauge\n"), text);
            assertTrue(bytes(text, "resident") > 20L << 20, text); // a JVM's resident set
            assertTrue(bytes(text, "jvm_heap_used") > 0, text);
            assertTrue(bytes(text, "netty_direct") >= 4L << 20, "the 4 MiB buffer is in the allocator's figure: " + text);
            assertTrue(bytes(text, "netty_heap") >= 0, text);
        } finally {
            buffers.release();
        }
    }

    private static long bytes(String text, String area) {
        Matcher m = Pattern.compile("\nnetbench_memory_bytes\\{area=\"" + area + "\"} (\\d+)\n").matcher(text);
        assertTrue(m.find(), area + " missing: " + text);
        return Long.parseLong(m.group(1));
    }
}
