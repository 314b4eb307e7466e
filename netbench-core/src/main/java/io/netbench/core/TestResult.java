package io.netbench.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * The immutable result of one test run against one target: one qperf test at one loop step, or
 * one wrk run. Both tool families share this shape so that reports, comparisons and merges
 * (results of many clients) treat them alike.
 *
 * <p>Build one with {@link #builder(String, String)}, which leaves out what was not measured;
 * write and read it, inside a {@link RunResult}, with {@link ResultJson}; combine the results of
 * clients that ran at the same time with {@link ResultMerger}. Its maps are unmodifiable copies
 * that keep the order in which their entries were set.
 *
 * <pre>{@code
 * TestResult r = TestResult.builder("wrk", "http").target("http://10.0.0.1:8080/").duration(d)
 *         .param("connections", 100).count("requests", n).metric(Metric.REQUESTS_PER_SEC, n / s)
 *         .histogram("latency", histogram).build();
 * }</pre>
 *
 * @param tool the tool family, {@code "qperf"} or {@code "wrk"}
 * @param test the test, e.g. {@code "tcp_lat"} or {@code "http"}
 * @param target what was measured, e.g. {@code "10.0.0.1"} or a URL; may be {@code null}
 * @param transport the Netty transport that measured ({@link TransportType#displayName()}); may be {@code null}
 * @param start when the test started; may be {@code null}
 * @param duration how long it measured, not negative
 * @param params what was asked (msg_size, connections, rate...), name to value as text
 * @param metrics the figures measured, in {@link Metric} order, each knowing its unit and merge rule;
 *                a figure not measured is absent (never NaN or 0)
 * @param counts additive totals (bytes, msgs, requests, errors_*), exact integers that merging adds
 * @param histograms latency histograms by name, in HdrHistogram's compressed log encoding
 *                   ({@link HistogramCodec}), which merge exactly
 * @param localCpu the CPU this machine used, or {@code null}
 * @param remoteCpu the CPU the peer used, as it reported it, or {@code null}
 * @param localNet what this machine's network stack saw over the test (TCP_INFO, TCP counters,
 *                 CPU by kind), or {@code null} if not sampled
 * @param remoteNet what the peer's saw, as it reported it, or {@code null}
 * @param thresholds the {@link Thresholds} checked against this result, in order; empty when none were
 * @param intervals the test's figures over consecutive intervals (iperf3's {@code -i}), each a result
 *                  of its own (its start, duration, counts and rates; {@code stream} param per stream)
 */
public record TestResult(String tool, String test, String target, String transport, Instant start,
                         Duration duration, Map<String, String> params, Map<Metric, Double> metrics,
                         Map<String, Long> counts, Map<String, String> histograms, CpuUsage localCpu,
                         CpuUsage remoteCpu, NetCounters localNet, NetCounters remoteNet,
                         List<ThresholdCheck> thresholds, List<TestResult> intervals) {
    /**
     * Checks the fields and freezes the maps; {@link #builder} is the easier way to make one.
     * @param tool the tool family, required
     * @param test the test, required
     * @param target what was measured, or {@code null}
     * @param transport the transport's name, or {@code null}
     * @param start when the test started, or {@code null}
     * @param duration how long it measured, required, not negative
     * @param params parameters, copied
     * @param metrics figures, copied into {@link Metric} order
     * @param counts counts, copied
     * @param histograms encoded histograms, copied
     * @param localCpu this machine's CPU usage, or {@code null}
     * @param remoteCpu the peer's CPU usage, or {@code null}
     * @param localNet this machine's network counters, or {@code null}
     * @param remoteNet the peer's network counters, or {@code null}
     * @param thresholds the thresholds checked, copied
     * @param intervals the interval results, copied
     * @throws IllegalArgumentException naming the field missing or bad
     */
    public TestResult {
        if (tool == null || tool.isBlank() || test == null || test.isBlank()) {
            throw new IllegalArgumentException((tool == null || tool.isBlank() ? "tool" : "test") + " must be set");
        }
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0: " + duration);
        }
        params = frozen(params);
        metrics = Collections.unmodifiableMap(metrics.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(metrics));
        counts = frozen(counts);
        histograms = frozen(histograms);
        thresholds = List.copyOf(thresholds);
        intervals = List.copyOf(intervals);
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Starts a result.
     * @param tool the tool family, {@code "qperf"} or {@code "wrk"}
     * @param test the test, e.g. {@code "tcp_lat"} or {@code "http"}
     * @return a builder with nothing else set
     */
    public static Builder builder(String tool, String test) {
        return new Builder(tool, test);
    }

    /** {@return a builder holding a copy of this result, to derive a changed one} */
    public Builder toBuilder() {
        Builder b = new Builder(tool, test).target(target).transport(transport).start(start).duration(duration)
                .localCpu(localCpu).remoteCpu(remoteCpu).net(localNet, remoteNet).thresholds(thresholds)
                .intervals(intervals);
        b.params.putAll(params);
        b.metrics.putAll(metrics);
        b.counts.putAll(counts);
        b.histograms.putAll(histograms);
        return b;
    }

    /**
     * The value of one figure.
     * @param metric the figure
     * @return its value, or empty when this result does not have it
     */
    public OptionalDouble metric(Metric metric) {
        Double value = metrics.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** {@return the tool, test, parameters and metrics, for logs; the histograms are left out} */
    @Override
    public String toString() {
        return tool + " " + test + " " + params + " " + metrics;
    }

    /**
     * Collects the parts of a {@link TestResult}; {@link #build()} checks them. Every setter
     * returns this builder; a builder is for one thread.
     */
    public static final class Builder {
        private final String tool, test;
        private String target, transport;
        private Instant start;
        private Duration duration = Duration.ZERO;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, String> histograms = new LinkedHashMap<>();
        private CpuUsage localCpu;
        private CpuUsage remoteCpu;
        private NetCounters localNet;
        private NetCounters remoteNet;
        private List<ThresholdCheck> thresholds = List.of();
        private List<TestResult> intervals = List.of();

        private Builder(String tool, String test) {
            this.tool = tool;
            this.test = test;
        }

        /**
         * Sets what was measured.
         * @param target e.g. {@code "10.0.0.1"} or a URL
         * @return this builder
         */
        public Builder target(String target) {
            this.target = target;
            return this;
        }

        /**
         * Sets the transport that measured.
         * @param transport its {@link TransportType#displayName()}
         * @return this builder
         */
        public Builder transport(String transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Sets when the test started.
         * @param start the instant
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        /**
         * Sets how long the test measured.
         * @param duration not negative; default zero
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /**
         * Sets a parameter, what was asked.
         * @param name e.g. {@code "msg_size"}
         * @param value stored as {@link String#valueOf(Object)}
         * @return this builder
         */
        public Builder param(String name, Object value) {
            params.put(name, String.valueOf(value));
            return this;
        }

        /**
         * Sets a figure.
         * @param metric the figure
         * @param value its value; one that is not finite (NaN: not measured) leaves it absent
         * @return this builder
         */
        public Builder metric(Metric metric, double value) {
            if (Double.isFinite(value)) {
                metrics.put(metric, value);
            } else {
                metrics.remove(metric);
            }
            return this;
        }

        /**
         * Sets a count: an exact total that merges add.
         * @param name e.g. {@code "requests"} or {@code "errors_read"}
         * @param value the total
         * @return this builder
         */
        public Builder count(String name, long value) {
            counts.put(name, value);
            return this;
        }

        /**
         * Adds a histogram, stored in HdrHistogram's compressed log encoding.
         * @param name e.g. {@code "latency"}
         * @param histogram the histogram, encoded now, so it may change afterwards
         * @return this builder
         */
        public Builder histogram(String name, Histogram histogram) {
            histograms.put(name, HistogramCodec.encode(histogram));
            return this;
        }

        /**
         * Adds a histogram already in HdrHistogram's compressed log encoding.
         * @param name e.g. {@code "latency"}
         * @param encoded as {@link HistogramCodec#encode} writes it
         * @return this builder
         */
        public Builder encodedHistogram(String name, String encoded) {
            histograms.put(name, encoded);
            return this;
        }

        /**
         * Sets the CPU this machine used.
         * @param usage the usage, or {@code null} if unknown
         * @return this builder
         */
        public Builder localCpu(CpuUsage usage) {
            this.localCpu = usage;
            return this;
        }

        /**
         * Sets the CPU the peer used.
         * @param usage the usage, or {@code null} if unknown
         * @return this builder
         */
        public Builder remoteCpu(CpuUsage usage) {
            this.remoteCpu = usage;
            return this;
        }

        /**
         * Sets what the network stacks of both ends saw over the test.
         *
         * @param local this machine's sample, or {@code null} if not sampled
         * @param remote the peer's, as it reported it, or {@code null}
         * @return this builder
         */
        public Builder net(NetCounters local, NetCounters remote) {
            this.localNet = local;
            this.remoteNet = remote;
            return this;
        }

        /**
         * Sets the thresholds checked against this result ({@link Thresholds#check}).
         * @param checks the checks, in threshold order
         * @return this builder
         */
        public Builder thresholds(List<ThresholdCheck> checks) {
            this.thresholds = List.copyOf(checks);
            return this;
        }

        /**
         * Sets the test's figures over consecutive intervals.
         * @param results one per interval (and per stream), in time order
         * @return this builder
         */
        public Builder intervals(List<TestResult> results) {
            this.intervals = List.copyOf(results);
            return this;
        }

        /**
         * {@return the result}
         * @throws IllegalArgumentException naming the missing or bad field
         */
        public TestResult build() {
            return new TestResult(tool, test, target, transport, start, duration, params, metrics, counts, histograms,
                    localCpu, remoteCpu, localNet, remoteNet, thresholds, intervals);
        }
    }
}
