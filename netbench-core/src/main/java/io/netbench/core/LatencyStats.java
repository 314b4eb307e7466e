package io.netbench.core;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An immutable summary of a latency histogram (values in nanoseconds): count, min, max, mean,
 * standard deviation, percentiles, and the share of samples within one standard deviation of the
 * mean (wrk's {@code +/- Stdev} column). It keeps its own copy of the histogram, so the source
 * may go on recording.
 */
public final class LatencyStats {
    private final Histogram histogram;

    private LatencyStats(Histogram histogram) {
        this.histogram = histogram;
    }

    /** Summarises a copy of {@code histogram}. */
    public static LatencyStats of(Histogram histogram) {
        return new LatencyStats(histogram.copy());
    }

    /** A copy of the underlying histogram, for merging or encoding. */
    public Histogram histogram() {
        return histogram.copy();
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public long minNanos() {
        return count() == 0 ? 0 : histogram.getMinValue();
    }

    public long maxNanos() {
        return histogram.getMaxValue();
    }

    public double meanNanos() {
        return count() == 0 ? 0 : histogram.getMean();
    }

    public double stdevNanos() {
        return count() == 0 ? 0 : histogram.getStdDeviation();
    }

    /** The value at {@code percentile} (0..100) in nanoseconds. */
    public long percentileNanos(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in [0, 100]: " + percentile);
        }
        return histogram.getValueAtPercentile(percentile);
    }

    /** The value at {@code percentile} (0..100). */
    public Duration percentile(double percentile) {
        return Duration.ofNanos(percentileNanos(percentile));
    }

    /** Percentage (0..100) of samples within mean ± stdev, as wrk's {@code +/- Stdev} column. */
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
