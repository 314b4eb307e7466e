package io.netbench.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Merges the results of several clients that ran the same test at the same time (e.g. the pods of
 * a Kubernetes Indexed Job) into one, exactly, by each figure's {@link Metric.Merge} rule: counts
 * add; rates ({@link Metric.Merge#SUM}) add, each client having measured over the common window;
 * histograms add bucket by bucket and {@link Metric.Merge#HISTOGRAM} figures are recomputed from
 * the merged histogram, so percentiles are never averaged; figures that do not merge (CPU cost, of
 * different machines) and the CPU usage are dropped. Results of different tests, or of the same
 * test with different parameters, are refused with the difference named, and so is a run given
 * twice (the same run id).
 *
 * <pre>{@code
 * RunResult all = ResultMerger.merge(List.of(ResultJson.read(pod0), ResultJson.read(pod1)));
 * }</pre>
 */
public final class ResultMerger {
    /** Parameters that are shares of a total (they add); every other parameter must be equal. */
    private static final Set<String> ADDITIVE_PARAMS = Set.of("connections", "rate", "threads");

    private ResultMerger() {
    }

    /**
     * Merges whole runs test by test, as {@link #merge(List, List)} does; messages name the runs
     * by their position ({@code input 1}, {@code input 2}...).
     *
     * @param runs the runs, holding the same tests in the same order
     * @return the merged run, with a new run id
     * @throws IllegalArgumentException naming the runs that cannot merge
     */
    public static RunResult merge(List<RunResult> runs) {
        return merge(runs, IntStream.rangeClosed(1, runs.size()).mapToObj(i -> "input " + i).toList());
    }

    /**
     * Merges whole runs test by test: the runs must hold the same tests in the same order.
     *
     * @param runs the runs
     * @param sources a name per run (e.g. its file), for messages
     * @return the merged run: a new run id, the earliest start, the labels and environment entries
     *         all runs share
     * @throws IllegalArgumentException naming the runs that cannot merge, or the source that repeats another
     */
    public static RunResult merge(List<RunResult> runs, List<String> sources) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            String earlier = seen.putIfAbsent(runs.get(i).runId(), sources.get(i));
            if (earlier != null) {
                throw new IllegalArgumentException(sources.get(i) + " repeats run " + runs.get(i).runId() + " of "
                        + earlier);
            }
        }
        int tests = runs.get(0).tests().size();
        List<TestResult> merged = new ArrayList<>();
        for (int i = 0; i < tests; i++) {
            List<TestResult> column = new ArrayList<>();
            for (int r = 0; r < runs.size(); r++) {
                if (runs.get(r).tests().size() != tests) {
                    throw new IllegalArgumentException("runs differ: " + tests + " tests in " + sources.get(0) + ", "
                            + runs.get(r).tests().size() + " in " + sources.get(r));
                }
                column.add(runs.get(r).tests().get(i));
            }
            merged.add(mergeTests(column));
        }
        Instant start = runs.stream().map(RunResult::start).min(Comparator.naturalOrder()).orElseThrow();
        return new RunResult(runs.get(0).version(), UUID.randomUUID().toString(), start,
                List.of("merge of " + runs.size() + " runs"), common(runs.stream().map(RunResult::labels).toList()),
                common(runs.stream().map(RunResult::environment).toList()), merged);
    }

    /** The entries every map has with the same value (e.g. labels all clients share). */
    private static Map<String, String> common(List<Map<String, String>> maps) {
        Map<String, String> shared = new LinkedHashMap<>(maps.get(0));
        for (Map<String, String> m : maps) {
            shared.entrySet().removeIf(e -> !e.getValue().equals(m.get(e.getKey())));
        }
        return shared;
    }

    /**
     * Merges the results of one test from several clients.
     *
     * @param results the clients' results, at least one
     * @return the merged result: the longest duration, parameters that are shares of a total
     *         added, counts added, histograms added and the figures merged by their rules
     * @throws IllegalArgumentException naming the difference, if the results are of different
     *         tests, targets or parameters
     */
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
        Map<String, Long> counts = new LinkedHashMap<>();
        results.forEach(r -> r.counts().forEach((k, v) -> counts.merge(k, v, Long::sum)));
        counts.forEach(b::count);
        Map<String, Histogram> histograms = mergeHistograms(results, b);
        Histogram latency = histograms.get("latency");
        LatencyStats stats = latency == null || latency.getTotalCount() == 0 ? null : LatencyStats.of(latency);
        for (Metric metric : first.metrics().keySet()) {
            switch (metric.merge()) {
                case SUM -> b.metric(metric, results.stream().mapToDouble(r -> r.metric(metric).orElse(0)).sum());
                case HISTOGRAM -> b.metric(metric, stats == null ? Double.NaN : metric.fromHistogram(stats));
                case NONE -> { }
            }
        }
        return b.build();
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

    private static Map<String, Histogram> mergeHistograms(List<TestResult> results, TestResult.Builder b) {
        Map<String, Histogram> sums = new LinkedHashMap<>();
        for (TestResult r : results) {
            r.histograms().forEach((name, encoded) -> sums.computeIfAbsent(name, n -> LatencyRecorder.newHistogram())
                    .add(HistogramCodec.decode(encoded)));
        }
        sums.forEach(b::histogram);
        return sums;
    }
}
