package io.netbench.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures a {@link TestResult} carries, each with its {@link Unit}, the direction that is
 * better, and the {@link Merge} rule by which the figures of several clients that ran the same
 * test at the same time combine.
 *
 * <p>Why a closed set: a figure's meaning must not depend on how its name is spelled. Reports,
 * comparisons, merges and charts ask a metric for its unit and merge rule; nothing parses a
 * name's suffix. The JSON name ({@link #key()}) ends with the unit ({@code latency_ns},
 * {@code recv_bw_bytes_per_sec}), so a document reads unambiguously without this class.
 *
 * <p>Counts (bytes, messages, requests, errors, statuses) are not metrics: they are exact
 * integers kept in {@link TestResult#counts()}, and they always add.
 */
public enum Metric {
    /** qperf's latency: half the round trip, the local real time over the messages both sides received. */
    LATENCY("latency_ns", Unit.NANOSECONDS, Merge.HISTOGRAM, false, LatencyStats::meanNanos),
    /** qperf's msg_rate: messages per second, both directions. */
    MSG_RATE("msg_rate_per_sec", Unit.PER_SECOND, Merge.SUM, true, null),
    /** qperf's send_bw. */
    SEND_BW("send_bw_bytes_per_sec", Unit.BYTES_PER_SECOND, Merge.SUM, true, null),
    /** qperf's recv_bw (the {@code bw} of tcp_bw). */
    RECV_BW("recv_bw_bytes_per_sec", Unit.BYTES_PER_SECOND, Merge.SUM, true, null),
    /** qperf's send_cost: CPU seconds the sending side spent per GB (10^9 bytes) sent. */
    SEND_COST("send_cost_sec_per_gb", Unit.SECONDS_PER_GB, Merge.NONE, false, null),
    /** qperf's recv_cost: CPU seconds the receiving side spent per GB received. */
    RECV_COST("recv_cost_sec_per_gb", Unit.SECONDS_PER_GB, Merge.NONE, false, null),
    /** wrk's Requests/sec. */
    REQUESTS_PER_SEC("requests_per_sec", Unit.PER_SECOND, Merge.SUM, true, null),
    /** wrk's Transfer/sec: response bytes read per second. */
    TRANSFER("transfer_bytes_per_sec", Unit.BYTES_PER_SECOND, Merge.SUM, true, null),
    /** wrk's latency average. */
    LATENCY_MEAN("latency_mean_ns", Unit.NANOSECONDS, Merge.HISTOGRAM, false, LatencyStats::meanNanos),
    /** wrk's latency standard deviation. */
    LATENCY_STDEV("latency_stdev_ns", Unit.NANOSECONDS, Merge.HISTOGRAM, false, LatencyStats::stdevNanos),
    /** The median latency. */
    LATENCY_P50("latency_p50_ns", Unit.NANOSECONDS, Merge.HISTOGRAM, false, s -> (double) s.percentileNanos(50)),
    /** The 99th percentile latency. */
    LATENCY_P99("latency_p99_ns", Unit.NANOSECONDS, Merge.HISTOGRAM, false, s -> (double) s.percentileNanos(99)),
    /** The highest latency. */
    LATENCY_MAX("latency_max_ns", Unit.NANOSECONDS, Merge.HISTOGRAM, false, s -> (double) s.maxNanos());

    private static final Map<String, Metric> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Metric::key, Function.identity()));

    private final String key;
    private final Unit unit;
    private final Merge merge;
    private final boolean higherIsBetter;
    private final Function<LatencyStats, Double> fromHistogram;

    Metric(String key, Unit unit, Merge merge, boolean higherIsBetter, Function<LatencyStats, Double> fromHistogram) {
        this.key = key;
        this.unit = unit;
        this.merge = merge;
        this.higherIsBetter = higherIsBetter;
        this.fromHistogram = fromHistogram;
    }

    /** {@return the name in JSON and CSV, ending with the unit} */
    public String key() {
        return key;
    }

    /** {@return the unit of the value} */
    public Unit unit() {
        return unit;
    }

    /** {@return how values of clients that ran at the same time combine} */
    public Merge merge() {
        return merge;
    }

    /** {@return true for throughput-like figures, false for latency and cost} */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * The value recomputed from a (merged) latency histogram, for {@link Merge#HISTOGRAM} metrics.
     *
     * @param latency the summary of the histogram
     * @return this metric's value for it
     * @throws IllegalStateException for metrics that do not derive from a histogram
     */
    public double fromHistogram(LatencyStats latency) {
        if (fromHistogram == null) {
            throw new IllegalStateException(key + " does not derive from a histogram");
        }
        return fromHistogram.apply(latency);
    }

    /**
     * Looks a metric up by its JSON name.
     *
     * @param key a {@link #key()}
     * @return the metric with that key, or empty if there is none
     */
    public static Optional<Metric> ofKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The unit of a metric's value; its {@link #symbol()} is what tables print. */
    public enum Unit {
        /** Nanoseconds. */
        NANOSECONDS("ns"),
        /** Bytes per second. */
        BYTES_PER_SECOND("bytes/s"),
        /** Events (messages, requests) per second. */
        PER_SECOND("1/s"),
        /** CPU seconds per 10^9 bytes. */
        SECONDS_PER_GB("s/GB");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** {@return the unit as written in CSV and JSON headers} */
        public String symbol() {
            return symbol;
        }
    }

    /** How the values of several clients that ran the same test at the same time combine. */
    public enum Merge {
        /** Add: rates measured by each client over the common window add up. */
        SUM,
        /** Recompute from the added latency histograms; never average percentiles. */
        HISTOGRAM,
        /** Not mergeable (e.g. CPU cost of different machines): dropped from a merged result. */
        NONE
    }
}
