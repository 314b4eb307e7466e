package io.netbench.cli.report;

import io.netbench.core.Change;
import io.netbench.core.RunResult;
import io.netbench.core.Spread;
import io.netbench.core.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Builds a report's tables from its columns: the seed's qperf sweep (a table per test, a row per
 * msg_size) and the wrk run (a table per load configuration, a row per figure). Each cell holds
 * the rounds of its figure in its column, summarised ({@link Spread}) and compared with the
 * table's first column, the baseline ({@link Change}); a cell that differs from it carries the
 * network counters that differ most ({@link Explanation}).
 */
final class Comparison {
    private static final List<String> QPERF_TESTS = List.of("tcp_lat", "tcp_bw", "udp_lat", "udp_bw");

    private final List<Column> columns;
    private final double confidence;

    /**
     * @param columns the columns, the first being the baseline
     * @param confidence the level of the change intervals, in (0, 1)
     */
    Comparison(List<Column> columns, double confidence) {
        this.columns = List.copyOf(columns);
        this.confidence = confidence;
    }

    /** The tables, qperf's first; tables no column has data for are left out. */
    List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (String test : QPERF_TESTS) {
            Figure figure = Figure.QPERF.get(test);
            TreeSet<Long> sizes = new TreeSet<>();
            forEachResult(r -> r.test().equals(test), r -> sizes.add(msgSize(r)));
            List<RowSpec> rows = sizes.stream()
                    .map(size -> new RowSpec(sizeLabel(size), figure, size, r -> r.test().equals(test)
                            && msgSize(r) == size)).toList();
            table(test, "msg_size", rows).ifPresent(tables::add);
        }
        Map<String, Predicate<TestResult>> loads = new LinkedHashMap<>();
        forEachResult(r -> r.tool().equals("wrk"), r -> loads.put(load(r), x -> x.tool().equals("wrk")
                && load(x).equals(load(r))));
        loads.forEach((load, matches) -> table("HTTP " + load, "", Figure.WRK.stream()
                .map(f -> new RowSpec(f.labelWithUnit(), f, null, matches)).toList()).ifPresent(tables::add));
        return tables;
    }

    /** What a row takes from each column. */
    private record RowSpec(String label, Figure figure, Long msgSize, Predicate<TestResult> matches) {
    }

    private Optional<Table> table(String title, String rowHeader, List<RowSpec> specs) {
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            if (specs.stream().anyMatch(s -> !values(matching(columns.get(column), s), s).isEmpty())) {
                present.add(c);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        List<Table.Row> rows = new ArrayList<>();
        for (RowSpec spec : specs) {
            List<Table.Cell> cells = new ArrayList<>();
            List<TestResult> baseResults = matching(columns.get(present.get(0)), spec);
            double[] baseline = toArray(values(baseResults, spec));
            for (int c : present) {
                List<TestResult> results = matching(columns.get(c), spec);
                double[] v = toArray(values(results, spec));
                Change change = c == present.get(0) || v.length == 0 || baseline.length == 0 ? null
                        : Change.of(baseline, v, confidence);
                String why = change == null || !differs(change) ? null : Explanation.of(baseResults, results);
                cells.add(v.length == 0 ? null : new Table.Cell(Spread.of(v), change, why));
            }
            rows.add(new Table.Row(spec.label(), spec.figure(), spec.msgSize(), cells));
        }
        return Optional.of(new Table(title, rowHeader, present.stream().map(c -> columns.get(c).name())
                .toList(), rows));
    }

    /** A cell whose change is, or may be, a difference: one with an explanation. */
    private static boolean differs(Change c) {
        return switch (c.verdict()) {
            case DIFFERENCE, ONE_ROUND, TOO_FEW_ROUNDS -> true;
            case NO_DIFFERENCE, NOT_COMPARABLE -> false;
        };
    }

    private static List<TestResult> matching(Column column, RowSpec spec) {
        List<TestResult> results = new ArrayList<>();
        for (RunResult run : column.runs()) {
            run.tests().stream().filter(spec.matches()).forEach(results::add);
        }
        return results;
    }

    private static List<Double> values(List<TestResult> results, RowSpec spec) {
        List<Double> values = new ArrayList<>();
        for (TestResult r : results) {
            OptionalDouble v = spec.figure().value().apply(r);
            v.ifPresent(values::add);
        }
        return values;
    }

    private void forEachResult(Predicate<TestResult> filter, Consumer<TestResult> action) {
        columns.forEach(c -> c.runs().forEach(run -> run.tests().stream().filter(filter).forEach(action)));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long msgSize(TestResult r) {
        return Long.parseLong(r.params().getOrDefault("msg_size", "0"));
    }

    /** A wrk run's load, as wrk's options: "-t2 -c100" or "-t2 -c100 -R20000". */
    private static String load(TestResult r) {
        String rate = r.params().getOrDefault("rate", "0");
        return "-t" + r.params().get("threads") + " -c" + r.params().get("connections")
                + (rate.equals("0") ? "" : " -R" + rate);
    }

    /** 65536 → "64 KiB". */
    static String sizeLabel(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return n / (1 << 20) + " MiB";
        }
        return n >= 1024 && n % 1024 == 0 ? n / 1024 + " KiB" : n + " B";
    }
}
