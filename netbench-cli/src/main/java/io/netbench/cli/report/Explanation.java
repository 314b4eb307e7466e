package io.netbench.cli.report;

import io.netbench.cli.format.NetFigure;
import io.netbench.core.NetCounters;
import io.netbench.core.TestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Why a cell differs from its baseline: the network counters ({@link NetFigure}) whose medians
 * over the two cells' rounds differ most, e.g. "MSS 1448 vs 65483, retrans 501 vs 0, rem softirq
 * 41 % vs 12 %" (this column's value first). A counter differs when the gap passes its noise floor
 * and is at least a quarter of the larger value; one cause is named once (the server end's, "rem",
 * only where this end's is not; the machine's retransmissions only where the connections' are not).
 * Losses (retransmissions, timeouts) come first: they cost bandwidth by themselves, where rtt,
 * MSS and CPU move with it, and on a shaped link all of them differ about as much (1131 vs 12
 * retransmissions against 1 vs 83 % system CPU, 4215 vs 80 us rtt and MSS 1448 vs 65483).
 */
final class Explanation {
    /** How many counters one explanation names at most. */
    static final int MOST = 3;
    private static final double SIGNIFICANT = 0.25;
    private static final Set<NetFigure> LOSSES = EnumSet.of(NetFigure.RETRANS, NetFigure.RETRANS_SEGS,
            NetFigure.TIMEOUTS);

    private record Item(String text, boolean loss, double score) {
    }

    private Explanation() {
    }

    /**
     * The explanation of a cell.
     *
     * @param baseline the baseline cell's results (rounds)
     * @param cell this cell's results
     * @return the counters that differ most, or {@code null} when none was sampled or none differs
     */
    static String of(List<TestResult> baseline, List<TestResult> cell) {
        List<Item> items = new ArrayList<>();
        List<NetFigure> named = new ArrayList<>();
        for (String side : List.of("", "rem ")) {
            Function<TestResult, NetCounters> end = side.isEmpty() ? TestResult::localNet : TestResult::remoteNet;
            for (NetFigure f : NetFigure.values()) {
                OptionalDouble a = median(baseline, end, f);
                OptionalDouble b = median(cell, end, f);
                if (a.isEmpty() || b.isEmpty() || named.contains(cause(f))) {
                    continue;
                }
                double gap = Math.abs(b.getAsDouble() - a.getAsDouble());
                double score = gap / Math.max(Math.abs(a.getAsDouble()), Math.abs(b.getAsDouble()));
                if (gap > f.floor() && score >= SIGNIFICANT) {
                    named.add(cause(f));
                    items.add(new Item(side + f.label() + " " + f.text(b.getAsDouble()) + " vs "
                            + f.text(a.getAsDouble()), LOSSES.contains(f), score));
                }
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        return String.join(", ", items.stream()
                .sorted(Comparator.comparing(Item::loss).thenComparingDouble(Item::score).reversed())
                .limit(MOST).map(Item::text).toList());
    }

    /** The machine's retransmitted segments say what the connections' do: one of the two is named. */
    private static NetFigure cause(NetFigure f) {
        return f == NetFigure.RETRANS_SEGS ? NetFigure.RETRANS : f;
    }

    private static OptionalDouble median(List<TestResult> results, Function<TestResult, NetCounters> end,
                                         NetFigure f) {
        double[] v = results.stream().map(end).map(f::of).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        if (v.length == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
    }
}
