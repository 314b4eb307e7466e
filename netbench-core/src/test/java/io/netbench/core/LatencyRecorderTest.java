package io.netbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 100};

    @Test
    void mergedPercentilesEqualThoseOfOneHistogramFedEverySample() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        Histogram reference = LatencyRecorder.newHistogram();
        List<Histogram> perWriter = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            long[] samples = samples(w);
            Histogram own = LatencyRecorder.newHistogram();
            for (long s : samples) {
                reference.recordValue(s);
                own.recordValue(s);
            }
            perWriter.add(own);
            LatencyRecorder.Writer writer = recorder.newWriter();
            threads.add(new Thread(() -> {
                for (long s : samples) {
                    writer.record(s);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        Histogram merged = recorder.total();
        assertEquals(reference.getTotalCount(), merged.getTotalCount());
        for (double p : PERCENTILES) {
            assertEquals(reference.getValueAtPercentile(p), merged.getValueAtPercentile(p), "p" + p);
        }
        double averagedP99 = perWriter.stream().mapToLong(h -> h.getValueAtPercentile(99)).average().orElseThrow();
        assertNotEquals((double) merged.getValueAtPercentile(99), averagedP99, "averaging percentiles is wrong");
    }

    /** Writer 0..2: fast (100-150 us); writer 3: slow (5-10 ms), like one congested client. */
    private static long[] samples(int writer) {
        Random random = new Random(writer);
        long[] samples = new long[writer == 3 ? 10_000 : 100_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = writer == 3 ? 5_000_000 + random.nextInt(5_000_000) : 100_000 + random.nextInt(50_000);
        }
        return samples;
    }

    @Test
    void intervalsPartitionTheTotal() {
        LatencyRecorder recorder = new LatencyRecorder();
        LatencyRecorder.Writer writer = recorder.newWriter();
        writer.record(1000);
        writer.record(-5);
        assertEquals(2, recorder.interval().getTotalCount());
        writer.record(3000);
        assertEquals(1, recorder.interval().getTotalCount());
        assertEquals(0, recorder.interval().getTotalCount());
        Histogram total = recorder.total();
        assertEquals(3, total.getTotalCount());
        assertEquals(0, total.getMinValue());
    }

    @Test
    void codecRoundTripsExactly() {
        Histogram h = LatencyRecorder.newHistogram();
        for (long v = 1; v < 10_000_000_000L; v *= 3) {
            h.recordValueWithCount(v, v % 7 + 1);
        }
        Histogram decoded = HistogramCodec.decode(HistogramCodec.encode(h));
        assertEquals(h, decoded);
        decoded.recordValue(Long.MAX_VALUE / 4);
    }

    @Test
    void statsSummariseTheHistogram() {
        Histogram h = LatencyRecorder.newHistogram();
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L);
        }
        LatencyStats stats = LatencyStats.of(h);
        h.reset();
        assertEquals(100, stats.count());
        assertEquals(1000, stats.minNanos());
        assertEquals(100_000, stats.maxNanos(), 100);
        assertEquals(50_500, stats.meanNanos(), 100);
        assertEquals(50_000, stats.percentileNanos(50), 100);
        assertEquals(stats.percentileNanos(99), stats.percentile(99).toNanos());
        assertEquals(58, stats.withinStdevPercent(), 1.5);
    }
}
