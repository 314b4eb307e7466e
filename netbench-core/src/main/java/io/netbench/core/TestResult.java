package io.netbench.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The immutable result of one test run against one target: one qperf test at one loop step, or
 * one wrk run. Both tool families share this shape so that reports, comparisons and merges
 * (results of many clients) treat them alike:
 * <ul>
 *   <li>{@link #params()}: what was asked (msg_size, connections, rate...), as text;</li>
 *   <li>{@link #counts()}: additive totals (bytes, msgs, requests, errors_*): merging adds them;</li>
 *   <li>{@link #metrics()}: figures derived from the counts (bandwidth, latency, requests per
 *       second...), each a {@link Metric} that knows its unit and how it merges;</li>
 *   <li>{@link #histograms()}: latency histograms in HdrHistogram's compressed log encoding
 *       ({@link HistogramCodec}), which merge exactly;</li>
 *   <li>the local and remote {@link CpuUsage}, either may be {@code null}.</li>
 * </ul>
 * Build one with {@link #builder(String, String)}; serialise with {@link ResultJson}.
 */
public final class TestResult {
    private final String tool;
    private final String test;
    private final String target;
    private final String transport;
    private final Instant start;
    private final Duration duration;
    private final Map<String, String> params;
    private final Map<Metric, Double> metrics;
    private final Map<String, Long> counts;
    private final Map<String, String> histograms;
    private final CpuUsage localCpu;
    private final CpuUsage remoteCpu;

    private TestResult(Builder b) {
        tool = b.tool;
        test = b.test;
        target = b.target;
        transport = b.transport;
        start = b.start;
        duration = b.duration;
        params = frozen(b.params);
        metrics = Collections.unmodifiableMap(new EnumMap<>(b.metrics));
        counts = frozen(b.counts);
        histograms = frozen(b.histograms);
        localCpu = b.localCpu;
        remoteCpu = b.remoteCpu;
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A builder for a result of {@code tool} ("qperf" or "wrk") and {@code test} (e.g. "tcp_lat", "http"). */
    public static Builder builder(String tool, String test) {
        return new Builder(tool, test);
    }

    /** A builder holding a copy of this result, to derive a changed one. */
    public Builder toBuilder() {
        Builder b = new Builder(tool, test).target(target).transport(transport).start(start).duration(duration)
                .localCpu(localCpu).remoteCpu(remoteCpu);
        b.params.putAll(params);
        b.metrics.putAll(metrics);
        b.counts.putAll(counts);
        b.histograms.putAll(histograms);
        return b;
    }

    public String tool() {
        return tool;
    }

    public String test() {
        return test;
    }

    public String target() {
        return target;
    }

    public String transport() {
        return transport;
    }

    public Instant start() {
        return start;
    }

    public Duration duration() {
        return duration;
    }

    public Map<String, String> params() {
        return params;
    }

    /** The figures measured, in {@link Metric} order; a figure not measured is absent (never NaN or 0). */
    public Map<Metric, Double> metrics() {
        return metrics;
    }

    /** The value of {@code metric}, or empty when this result does not have it. */
    public OptionalDouble metric(Metric metric) {
        Double value = metrics.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    public Map<String, Long> counts() {
        return counts;
    }

    public Map<String, String> histograms() {
        return histograms;
    }

    public CpuUsage localCpu() {
        return localCpu;
    }

    public CpuUsage remoteCpu() {
        return remoteCpu;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestResult r && tool.equals(r.tool) && test.equals(r.test)
                && Objects.equals(target, r.target) && Objects.equals(transport, r.transport)
                && Objects.equals(start, r.start) && duration.equals(r.duration) && params.equals(r.params)
                && metrics.equals(r.metrics) && counts.equals(r.counts) && histograms.equals(r.histograms)
                && Objects.equals(localCpu, r.localCpu) && Objects.equals(remoteCpu, r.remoteCpu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tool, test, target, start, duration, params, metrics, counts);
    }

    @Override
    public String toString() {
        return tool + " " + test + " " + params + " " + metrics;
    }

    /** Collects the parts of a {@link TestResult}; {@link #build()} checks them. */
    public static final class Builder {
        private final String tool;
        private final String test;
        private String target;
        private String transport;
        private Instant start;
        private Duration duration = Duration.ZERO;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, String> histograms = new LinkedHashMap<>();
        private CpuUsage localCpu;
        private CpuUsage remoteCpu;

        private Builder(String tool, String test) {
            this.tool = tool;
            this.test = test;
        }

        public Builder target(String target) {
            this.target = target;
            return this;
        }

        public Builder transport(String transport) {
            this.transport = transport;
            return this;
        }

        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder param(String name, Object value) {
            params.put(name, String.valueOf(value));
            return this;
        }

        /** Sets {@code metric}; a value that is not finite (NaN: not measured) leaves it absent. */
        public Builder metric(Metric metric, double value) {
            if (Double.isFinite(value)) {
                metrics.put(metric, value);
            } else {
                metrics.remove(metric);
            }
            return this;
        }

        /** Sets the count {@code name} (bytes, messages, requests, errors...: exact, and added by merges). */
        public Builder count(String name, long value) {
            counts.put(name, value);
            return this;
        }

        /** The count {@code name} set so far, 0 if none. */
        long countOf(String name) {
            return counts.getOrDefault(name, 0L);
        }

        /** Adds a histogram, stored in HdrHistogram's compressed log encoding. */
        public Builder histogram(String name, org.HdrHistogram.Histogram histogram) {
            histograms.put(name, HistogramCodec.encode(histogram));
            return this;
        }

        /** Adds a histogram already in HdrHistogram's compressed log encoding. */
        public Builder encodedHistogram(String name, String encoded) {
            histograms.put(name, encoded);
            return this;
        }

        public Builder localCpu(CpuUsage usage) {
            this.localCpu = usage;
            return this;
        }

        public Builder remoteCpu(CpuUsage usage) {
            this.remoteCpu = usage;
            return this;
        }

        /** @throws IllegalArgumentException naming the missing or bad field */
        public TestResult build() {
            if (tool == null || tool.isBlank()) {
                throw new IllegalArgumentException("tool must be set");
            }
            if (test == null || test.isBlank()) {
                throw new IllegalArgumentException("test must be set");
            }
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("duration must be >= 0: " + duration);
            }
            return new TestResult(this);
        }
    }
}
