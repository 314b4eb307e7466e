package io.netbench.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Merges the results of several clients that ran the same test at the same time (e.g. the pods of
 * a Kubernetes Indexed Job) into one, exactly: counts add; rates (figures per second and
 * bandwidths) add, each client having measured over the common window; histograms add bucket by
 * bucket, and the latency figures are recomputed from the merged histogram — percentiles are never
 * averaged. CPU figures, which belong to different machines, are dropped. Results of different
 * tests, or of the same test with different parameters, are refused with the difference named.
 */
public final class ResultMerger {
    /** Parameters that are shares of a total (they add); every other parameter must be equal. */
    private static final Set<String> ADDITIVE_PARAMS = Set.of("connections", "rate", "threads");

    private ResultMerger() {
    }

    /** Merges whole runs test by test: the runs must hold the same tests in the same order. */
    public static RunResult merge(List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        int tests = runs.get(0).tests().size();
        List<TestResult> merged = new ArrayList<>();
        for (int i = 0; i < tests; i++) {
            List<TestResult> column = new ArrayList<>();
            for (RunResult run : runs) {
                if (run.tests().size() != tests) {
                    throw new IllegalArgumentException("runs differ: " + tests + " tests in the first, "
                            + run.tests().size() + " in another");
                }
                column.add(run.tests().get(i));
            }
            merged.add(mergeTests(column));
        }
        Instant start = runs.stream().map(RunResult::start).min(Comparator.naturalOrder()).orElseThrow();
        return new RunResult(runs.get(0).version(), start, List.of("merge of " + runs.size() + " runs"), merged);
    }

    /** Merges the results of one test from several clients. */
    public static TestResult mergeTests(List<TestResult> results) {
        TestResult first = results.get(0);
        TestResult.Builder b = TestResult.builder(first.tool(), first.test()).target(first.target())
                .transport(first.transport()).start(first.start());
        Duration longest = Duration.ZERO;
        for (TestResult r : results) {
            if (!r.tool().equals(first.tool()) || !r.test().equals(first.test())) {
                throw new IllegalArgumentException("cannot merge " + first.tool() + " " + first.test() + " with "
                        + r.tool() + " " + r.test());
            }
            if (!Objects.equals(r.target(), first.target())) {
                throw new IllegalArgumentException("cannot merge results of different targets: " + first.target()
                        + " and " + r.target());
            }
            longest = r.duration().compareTo(longest) > 0 ? r.duration() : longest;
        }
        b.duration(longest);
        mergeParams(results, b);
        mergeCounts(results, b);
        Map<String, Histogram> histograms = mergeHistograms(results, b);
        for (String metric : first.metrics().keySet()) {
            if (isRate(metric)) {
                b.metric(metric, results.stream().mapToDouble(r -> r.metrics().getOrDefault(metric, 0.0)).sum());
            }
        }
        Histogram latency = histograms.get("latency");
        if (latency != null && latency.getTotalCount() > 0) {
            LatencyStats stats = LatencyStats.of(latency);
            if (first.metrics().containsKey("latency_ns")) {
                b.metric("latency_ns", stats.meanNanos());
            }
            if (first.metrics().containsKey("latency_mean_ns")) {
                b.metric("latency_mean_ns", stats.meanNanos()).metric("latency_stdev_ns", stats.stdevNanos())
                        .metric("latency_p50_ns", stats.percentileNanos(50))
                        .metric("latency_p99_ns", stats.percentileNanos(99)).metric("latency_max_ns", stats.maxNanos());
            }
        }
        return b.build();
    }

    /** Figures that are per-second quantities add up across clients. */
    static boolean isRate(String metric) {
        return metric.endsWith("_per_sec") || metric.endsWith("_bw") || metric.equals("msg_rate");
    }

    private static void mergeParams(List<TestResult> results, TestResult.Builder b) {
        TestResult first = results.get(0);
        for (Map.Entry<String, String> p : first.params().entrySet()) {
            if (ADDITIVE_PARAMS.contains(p.getKey())) {
                b.param(p.getKey(), results.stream().mapToLong(r -> Long.parseLong(r.params().getOrDefault(p.getKey(),
                        "0"))).sum());
                continue;
            }
            for (TestResult r : results) {
                if (!p.getValue().equals(r.params().get(p.getKey()))) {
                    throw new IllegalArgumentException("cannot merge " + first.test() + " results with different "
                            + p.getKey() + ": " + p.getValue() + " and " + r.params().get(p.getKey()));
                }
            }
            b.param(p.getKey(), p.getValue());
        }
    }

    private static void mergeCounts(List<TestResult> results, TestResult.Builder b) {
        java.util.Map<String, Long> sums = new java.util.LinkedHashMap<>();
        for (TestResult r : results) {
            r.counts().forEach((k, v) -> sums.merge(k, v, Long::sum));
        }
        sums.forEach(b::count);
    }

    private static Map<String, Histogram> mergeHistograms(List<TestResult> results, TestResult.Builder b) {
        Map<String, Histogram> sums = new java.util.LinkedHashMap<>();
        for (TestResult r : results) {
            r.histograms().forEach((name, encoded) -> sums.computeIfAbsent(name, n -> LatencyRecorder.newHistogram())
                    .add(HistogramCodec.decode(encoded)));
        }
        sums.forEach(b::histogram);
        return sums;
    }
}
