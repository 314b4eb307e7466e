package io.netbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void theTimeIsZeroOrAtLeastAMillisecond() {
        assertEquals(Duration.ZERO, Warmup.checkTime(Duration.ZERO));
        assertEquals(Duration.ofMillis(1), Warmup.checkTime(Duration.ofMillis(1)));
        assertEquals("jitWarmup must be 0 or at least 1 ms: -1s", assertThrows(IllegalArgumentException.class,
                () -> Warmup.checkTime(Duration.ofSeconds(-1))).getMessage());
        assertEquals("jitWarmup must be 0 or at least 1 ms: 500us", assertThrows(IllegalArgumentException.class,
                () -> Warmup.checkTime(Duration.ofNanos(500_000))).getMessage());
        assertEquals("jitWarmup must be 0 or at least 1 ms: null", assertThrows(IllegalArgumentException.class,
                () -> Warmup.checkTime(null)).getMessage());
    }

    @Test
    void aWarmupRunsOnceAndNotAtAllForZero() {
        List<Duration> runs = new ArrayList<>();
        Warmup warmup = new Warmup(runs::add);
        warmup.runOnce(Duration.ofMillis(5));
        warmup.runOnce(Duration.ofMillis(5));
        assertEquals(List.of(Duration.ofMillis(5)), runs);

        Warmup none = new Warmup(runs::add);
        none.runOnce(Duration.ZERO);
        assertEquals(1, runs.size());
    }

    @Test
    void theWaitForAQuietJitIsBounded() {
        long begin = System.nanoTime();
        Warmup.awaitQuietJit(Duration.ofSeconds(10), Duration.ofMillis(300));
        assertTrue(System.nanoTime() - begin < Duration.ofSeconds(2).toNanos());
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        try {
            long begin = System.nanoTime();
            Warmup.awaitQuietJit(Duration.ofSeconds(10), Duration.ofSeconds(10));
            assertTrue(System.nanoTime() - begin < Duration.ofSeconds(2).toNanos());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
