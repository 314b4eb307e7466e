package io.netbench.core;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An immutable summary of a latency histogram (values in nanoseconds): count, min, max, mean,
 * standard deviation, percentiles, and the share of samples within one standard deviation of the
 * mean (wrk's {@code +/- Stdev} column). It keeps its own copy of the histogram, so the source
 * may go on recording, and it is safe to share between threads. An empty histogram gives zeros.
 *
 * <pre>{@code
 * LatencyStats stats = LatencyStats.of(recorder.total());
 * Duration p99 = stats.percentile(99);
 * }</pre>
 */
public final class LatencyStats {
    private final Histogram histogram;

    private LatencyStats(Histogram histogram) {
        this.histogram = histogram;
    }

    /**
     * Summarises a histogram.
     *
     * @param histogram latencies in nanoseconds; copied, so it may change afterwards
     * @return the summary
     */
    public static LatencyStats of(Histogram histogram) {
        return new LatencyStats(histogram.copy());
    }

    /** {@return a copy of the underlying histogram, for merging or encoding} */
    public Histogram histogram() {
        return histogram.copy();
    }

    /** {@return the number of samples} */
    public long count() {
        return histogram.getTotalCount();
    }

    /** {@return the lowest latency in nanoseconds, 0 without samples} */
    public long minNanos() {
        return count() == 0 ? 0 : histogram.getMinValue();
    }

    /** {@return the highest latency in nanoseconds, 0 without samples} */
    public long maxNanos() {
        return histogram.getMaxValue();
    }

    /** {@return the mean latency in nanoseconds, 0 without samples} */
    public double meanNanos() {
        return count() == 0 ? 0 : histogram.getMean();
    }

    /** {@return the standard deviation of the latencies in nanoseconds, 0 without samples} */
    public double stdevNanos() {
        return count() == 0 ? 0 : histogram.getStdDeviation();
    }

    /**
     * A percentile in nanoseconds.
     *
     * @param percentile 0 to 100
     * @return the latency at that percentile, in nanoseconds
     * @throws IllegalArgumentException if the percentile is out of range
     */
    public long percentileNanos(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in [0, 100]: " + percentile);
        }
        return histogram.getValueAtPercentile(percentile);
    }

    /**
     * A percentile.
     *
     * @param percentile 0 to 100
     * @return the latency at that percentile
     * @throws IllegalArgumentException if the percentile is out of range
     */
    public Duration percentile(double percentile) {
        return Duration.ofNanos(percentileNanos(percentile));
    }

    /** {@return the percentage (0..100) of samples within mean ± stdev, wrk's {@code +/- Stdev} column} */
    public double withinStdevPercent() {
        long n = count();
        if (n == 0) {
            return 0;
        }
        double lower = meanNanos() - stdevNanos();
        double upper = meanNanos() + stdevNanos();
        long within = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            long value = v.getValueIteratedTo();
            if (value >= lower && value <= upper) {
                within += v.getCountAtValueIteratedTo();
            }
        }
        return 100.0 * within / n;
    }
}
