package io.netbench.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A set of {@link Threshold}s, as {@code --fail-on} takes them: comma-separated,
 * {@code "p99>5ms,errors>0,rps<1000"}. The CLI and the library use this one grammar; the CLI
 * prints a line per breach and exits 3.
 *
 * <pre>{@code
 * Thresholds gate = Thresholds.parse("p99>5ms,errors>0");
 * TestResult checked = gate.check(result.toTestResult("epoll"));   // carries its checks into JSON
 * List<String> breaches = gate.breaches(checked);                  // empty when it passed
 * }</pre>
 *
 * @param all the thresholds, in the order written
 */
public record Thresholds(List<Threshold> all) {
    /** No thresholds: every result passes. */
    public static final Thresholds NONE = new Thresholds(List.of());

    /**
     * Copies the list.
     *
     * @param all the thresholds
     */
    public Thresholds {
        all = List.copyOf(all);
    }

    /**
     * Parses a comma-separated list.
     *
     * @param text e.g. {@code "p99>5ms,errors>0"}; blank for none
     * @return the thresholds
     * @throws IllegalArgumentException naming the first threshold that does not parse
     */
    public static Thresholds parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return new Thresholds(Arrays.stream(text.split(",")).map(Threshold::parse).toList());
    }

    /**
     * Checks a result against every threshold that applies to it.
     *
     * @param result a test's result
     * @return the result carrying its checks ({@link TestResult#thresholds()}), in threshold order
     */
    public TestResult check(TestResult result) {
        List<ThresholdCheck> checks = new ArrayList<>();
        for (Threshold t : all) {
            t.check(result).ifPresent(checks::add);
        }
        return result.toBuilder().thresholds(checks).build();
    }

    /**
     * The breaches a checked result carries, one line each.
     *
     * @param checked a result returned by {@link #check}
     * @return e.g. {@code "p99>5ms (p99 = 7.21ms)"}, empty when every threshold passed
     */
    public List<String> breaches(TestResult checked) {
        List<String> lines = new ArrayList<>();
        for (ThresholdCheck c : checked.thresholds()) {
            if (c.breached()) {
                Optional<Threshold> t = all.stream().filter(x -> x.text().equals(c.threshold())).findFirst();
                lines.add(c.threshold() + " (" + t.map(Threshold::name).orElse("value") + " = "
                        + t.map(x -> x.format(c.value())).orElse(String.valueOf(c.value())) + ")");
            }
        }
        return lines;
    }

    /**
     * The thresholds that applied to none of the results (a figure no test had: a typo, or
     * {@code lat} given to a bandwidth test), so the caller can say so.
     *
     * @param checked results returned by {@link #check}
     * @return those thresholds' texts, in order
     */
    public List<String> unused(List<TestResult> checked) {
        return all.stream().map(Threshold::text)
                .filter(t -> checked.stream().flatMap(r -> r.thresholds().stream()).noneMatch(c -> c.threshold().equals(t)))
                .toList();
    }
}
