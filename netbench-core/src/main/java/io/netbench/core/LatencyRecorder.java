package io.netbench.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Records latencies, in nanoseconds, from many event loops at once and merges them exactly.
 *
 * <p>Each event loop (or any single thread) takes its own {@link Writer} with {@link #newWriter()}
 * and records into it without locks or contention: a writer is an HdrHistogram
 * {@link SingleWriterRecorder}. A reader takes {@link #interval()} for live progress (what was
 * recorded since the previous call, all writers merged) and {@link #total()} at the end. Merging
 * adds histograms bucket by bucket, so the merged percentiles are exactly those of one histogram
 * fed every sample; percentiles are never averaged.
 *
 * <p>Histograms auto-resize and keep 3 significant digits, the HdrHistogram default for latency
 * and the precision wrk2 uses, so histograms from many clients can be added later without range
 * errors (see {@link HistogramCodec}).
 *
 * <pre>{@code
 * LatencyRecorder recorder = new LatencyRecorder();
 * LatencyRecorder.Writer w = recorder.newWriter();   // in each event loop
 * w.record(System.nanoTime() - start);
 * LatencyStats stats = LatencyStats.of(recorder.total());
 * }</pre>
 */
public final class LatencyRecorder {
    /** Significant decimal digits of every histogram netbench makes. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final List<Writer> writers = new CopyOnWriteArrayList<>();
    private final Histogram total = newHistogram();

    /** {@return a new, empty auto-resizing histogram with netbench's precision} */
    public static Histogram newHistogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    /**
     * Adds a writer. Creating writers is thread-safe.
     *
     * @return a writer for exactly one thread
     */
    public Writer newWriter() {
        Writer writer = new Writer();
        writers.add(writer);
        return writer;
    }

    /**
     * What every writer recorded since the previous call of this method or {@link #total()},
     * merged into a new histogram; the samples are also added to the running total.
     *
     * @return the samples of the interval
     */
    public synchronized Histogram interval() {
        Histogram merged = newHistogram();
        for (Writer writer : writers) {
            merged.add(writer.takeInterval());
        }
        total.add(merged);
        return merged;
    }

    /** {@return every sample recorded so far, all writers merged, as a new histogram} */
    public synchronized Histogram total() {
        interval();
        return total.copy();
    }

    /** Records into one {@link LatencyRecorder} from a single thread. */
    public static final class Writer {
        private final SingleWriterRecorder recorder = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
        private Histogram recycled;

        private Writer() {
        }

        /** Swaps out what was recorded since the last call; called by the reader, under its lock. */
        private Histogram takeInterval() {
            recycled = recorder.getIntervalHistogram(recycled);
            return recycled;
        }

        /**
         * Records one latency.
         *
         * @param nanos the latency in nanoseconds; a negative value (clock skew) counts as 0
         */
        public void record(long nanos) {
            recorder.recordValue(Math.max(0, nanos));
        }
    }
}
